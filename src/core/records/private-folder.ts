import { chmodSync, mkdirSync, statSync } from 'node:fs';

export type PrivateFolderChange = 'created' | 'tightened' | 'unchanged';

/**
 * The data folder holds the records, their key, the access token: only its owner may list or
 * enter it (0700). Made so when missing; an existing looser folder (0755 from an older version, a
 * restore, a hand-made folder) is tightened at start rather than refused, since no file in it is
 * exposed by the folder's mode alone (each is 0600) and the station must still start. Windows has
 * no POSIX modes: the folder's ACL protects it there.
 */
export function ensurePrivateFolder(
  dir: string,
  platform: NodeJS.Platform = process.platform,
): PrivateFolderChange {
  const created = mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined;
  if (platform === 'win32') return created ? 'created' : 'unchanged';
  const mode = statSync(dir).mode & 0o777;
  if (mode === 0o700) return created ? 'created' : 'unchanged';
  chmodSync(dir, 0o700); // the umask may have narrowed a new folder further: make it exact
  return created ? 'created' : 'tightened';
}
