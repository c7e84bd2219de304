import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_SECRET_BYTES } from './invite-token';

/**
 * The key that signs invite tokens. Given by configuration (`STATION_SIGNALING_SECRET`, e.g. the
 * same value on a station and the standalone rendezvous server it uses), or generated at first
 * start and kept in the data folder with mode 0600 so only this user can mint invites.
 */
export const SECRET_FILE_NAME = 'signaling-secret';
export const SIGNALING_SECRET_ENV = 'STATION_SIGNALING_SECRET';

export function loadSigningSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const configured = env[SIGNALING_SECRET_ENV];
  if (configured !== undefined && configured.length > 0)
    return checked(Buffer.from(configured, 'utf8'), SIGNALING_SECRET_ENV);
  const file = join(dataDir, SECRET_FILE_NAME);
  try {
    return checked(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url'), file);
  } catch (cause) {
    if ((cause as { code?: unknown }).code !== 'ENOENT') throw cause;
  }
  const secret = randomBytes(MIN_SECRET_BYTES);
  // 'wx': if another process created it meanwhile, fail rather than overwrite its key.
  writeFileSync(file, `${secret.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600); // the umask may have narrowed it further, never widened: make it exact
  return secret;
}

function checked(secret: Buffer, source: string): Buffer {
  if (secret.length < MIN_SECRET_BYTES) {
    throw new TypeError(`signaling secret from ${source} must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  return secret;
}
