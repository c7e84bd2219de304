import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { pinHashSchema } from './pin-hash';

/**
 * The kiosk PIN file in the data directory: the PIN's hash and the failed-attempt state, so a
 * restart (pulling the plug of a wall station) does not reset the delay between guesses. Written
 * atomically (temp file + rename) with mode 0600: only the station's OS user can read it.
 */

export const pinFileSchema = z.strictObject({
  version: z.literal(1),
  pin: pinHashSchema,
  /** Wrong PINs in a row since the last right one. */
  failedAttempts: z.number().int().nonnegative(),
  /** Epoch ms before which no PIN is even checked. */
  retryNotBefore: z.number().int().nonnegative(),
});
export type PinFile = z.infer<typeof pinFileSchema>;

/** What is on disk: nothing, a valid file, or a file that cannot be trusted (kept, never overwritten). */
export type PinFileState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'present'; readonly file: PinFile }
  | { readonly kind: 'unreadable'; readonly reason: string };

export async function readPinFile(path: string): Promise<PinFileState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'unreadable', reason: String(cause) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'not JSON' };
  }
  const parsed = pinFileSchema.safeParse(json);
  if (!parsed.success) return { kind: 'unreadable', reason: 'not a kiosk PIN file' };
  return { kind: 'present', file: parsed.data };
}

export async function writePinFile(path: string, file: PinFile): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(pinFileSchema.parse(file), null, 2)}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
    // `mode` is masked by the umask on creation: set it explicitly.
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw cause;
  }
}

export async function removePinFile(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** The PIN file's name in a host's data directory (both hosts use the same). */
export const KIOSK_PIN_FILE_NAME = 'kiosk-pin.json';
