import { chmodSync, mkdirSync, statSync, type Stats } from 'node:fs';

export type PrivateFolderChange = 'created' | 'tightened' | 'unchanged';

/**
 * The data folder holds the records, their key, the access token, the signing secret: only its
 * owner may list or enter it (0700). Made so when missing; an existing looser folder (0755 from an
 * older version, a restore, a hand-made folder) is tightened at start rather than refused, since no
 * file in it is exposed by the folder's mode alone (each is 0600) and the station must still start.
 * Refused, with what to do, when it cannot be made private: not a folder, owned by another user
 * (who could loosen it again or swap its files), or its mode cannot be changed. Windows has no
 * POSIX modes: the folder's ACL protects it there.
 */
export function ensurePrivateFolder(
  dir: string,
  platform: NodeJS.Platform = process.platform,
): PrivateFolderChange {
  const existing = statOrNull(dir);
  if (existing !== null && !existing.isDirectory())
    throw new Error(`data folder ${dir}: not a folder; give a folder's path`);
  const created = mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined;
  const stat = existing ?? statSync(dir);
  if (platform === 'win32') return created ? 'created' : 'unchanged';
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid)
    throw new Error(
      `data folder ${dir}: owned by user ${stat.uid}, not by this process's user ${uid}; ` +
        `give a folder of this user's own (or chown it)`,
    );
  const mode = stat.mode & 0o777;
  if (mode === 0o700) return created ? 'created' : 'unchanged';
  try {
    chmodSync(dir, 0o700); // the umask may have narrowed a new folder further: make it exact
  } catch (cause) {
    throw new Error(
      `data folder ${dir}: mode ${mode.toString(8)} and it cannot be made private (700): ${String(cause)}`,
      { cause },
    );
  }
  return created ? 'created' : 'tightened';
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cause;
  }
}
