import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/**
 * The kiosk PIN is never stored: only an scrypt hash and its salt. A 4-digit PIN has 10⁴
 * candidates, so the hash alone cannot stop someone who copies the file; what it buys is that the
 * PIN (often reused as a phone or door code) is not readable in plain text, and the attempt limiter
 * (`attempt-limiter.ts`) is what stops guessing at the station itself.
 */

/** scrypt cost: N=2¹⁵ takes ~50–100 ms on a station-class CPU, off the event loop (libuv pool). */
export const PIN_SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export const pinHashSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(1024)
    .max(1 << 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.base64().min(16),
  hash: z.base64().min(16),
});
export type PinHash = z.infer<typeof pinHashSchema>;

export async function hashPin(
  pin: string,
  cost: { N: number; r: number; p: number } = PIN_SCRYPT,
): Promise<PinHash> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(pin, salt, KEY_LENGTH, cost);
  return { algorithm: 'scrypt', ...cost, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

/** Constant-time comparison of a candidate PIN with a stored hash (the stored cost is reused). */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), expected.length, stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(
  pin: string,
  salt: Buffer,
  keyLength: number,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is exactly the N=2¹⁵, r=8 need.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
