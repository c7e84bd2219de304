import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * SQLCipher cannot tell a wrong key from a damaged file: both fail page 1's authentication. A
 * small check value kept beside the database (an HMAC of a fixed label under the key: it reveals
 * nothing about the key) tells them apart, so the error names the real problem.
 */
const LABEL = 'teleconsult-station records key check v1';

export function keyCheckPath(databasePath: string): string {
  return `${databasePath}.keycheck`;
}

export function keyCheckValue(key: Uint8Array): string {
  return createHmac('sha256', key).update(LABEL).digest('hex');
}

/**
 * true / false when a check value exists, null when there is none (older or copied database) or
 * it is not one (a file cut short by a power cut): then SQLCipher alone decides, rather than
 * telling the user a good key is wrong.
 */
export function keyMatches(databasePath: string, key: Uint8Array): boolean | null {
  const path = keyCheckPath(databasePath);
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) return null;
  const stored = Buffer.from(text, 'hex');
  const expected = Buffer.from(keyCheckValue(key), 'hex');
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

export function writeKeyCheck(databasePath: string, key: Uint8Array): void {
  writeFileSync(keyCheckPath(databasePath), `${keyCheckValue(key)}\n`, { mode: 0o600 });
}
