import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secret that lets a client reach the station's backend API on the Node host. One per data
 * folder, kept across restarts (a bookmarked tab keeps working), readable by its owner only: it is
 * worth every patient record in that folder. `station-url` holds the address to open, token
 * included, for the user who started the host (and for scripts and tests, which read the file).
 */
export const ACCESS_TOKEN_FILE = 'station-token';
export const STATION_URL_FILE = 'station-url';

/** 32 random bytes, base64url: 43 characters, nothing to escape in a URL, a cookie or a header. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function loadOrCreateAccessToken(dataDir: string): string {
  const file = join(dataDir, ACCESS_TOKEN_FILE);
  const existing = readTokenFile(file);
  if (existing !== null) {
    chmodSync(file, 0o600); // a copy restored with looser rights is tightened, never trusted as is
    return existing;
  }
  const token = randomBytes(32).toString('base64url');
  writePrivateFile(file, `${token}\n`);
  return token;
}

/** Writes `<dataDir>/station-url` (0600) with the address a browser or a script should open. */
export function writeStationUrl(dataDir: string, stationUrl: string): void {
  writePrivateFile(join(dataDir, STATION_URL_FILE), `${stationUrl}\n`);
}

/** `http://127.0.0.1:8080/` + token → `http://127.0.0.1:8080/?token=…` */
export function stationUrlWithToken(baseUrl: string, token: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('token', token);
  return url.href;
}

/**
 * Constant time whatever the candidate: both sides are hashed first, so neither the length nor the
 * first differing byte of a guess shows in the time it takes to refuse it.
 */
export function tokenMatches(expected: string, candidate: string | null | undefined): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 512) return false;
  return timingSafeEqual(digest(expected), digest(candidate));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function readTokenFile(file: string): string | null {
  try {
    const token = readFileSync(file, 'utf8').trim();
    return TOKEN_FORMAT.test(token) ? token : null;
  } catch {
    return null;
  }
}

/** Written beside and renamed into place: never a moment with a partial file or looser rights. */
function writePrivateFile(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  chmodSync(temporary, 0o600); // the umask cannot loosen it, but an old leftover file could be looser
  renameSync(temporary, file);
}
