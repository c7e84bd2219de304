/**
 * Why the records store cannot do what was asked, as a code the hosts and the API can branch on.
 * Every message says what happened and what to do, because a nurse or an installer reads it.
 */
export const RECORDS_ERROR_CODES = [
  /** The key does not open this database (another station's key, or a replaced key file). */
  'wrong-key',
  /** The file is not a records database, or it is damaged (truncated, overwritten). */
  'corrupted',
  /** The database exists but its key is gone: nothing is created over it. */
  'key-missing',
  /** The key exists but its database is gone: no new, empty one is made beside it. */
  'database-missing',
  /** The key file is readable by other users; the fix is in the message. */
  'key-file-insecure',
  /** The disk is full: what is buffered stays buffered, what is committed stays committed. */
  'disk-full',
  /** Any other read or write failure of the database file. */
  'io',
  /** The store was closed. */
  'closed',
] as const;
export type RecordsErrorCode = (typeof RECORDS_ERROR_CODES)[number];

export class RecordsError extends Error {
  constructor(
    readonly code: RecordsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RecordsError';
  }
}

/** SQLite result codes (extended ones keep their primary name as a prefix) → our codes. */
export function recordsErrorFromSqlite(cause: unknown, path: string): RecordsError | null {
  if (cause instanceof RecordsError) return cause;
  const code = (cause as { code?: unknown } | null)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC')
    return new RecordsError('disk-full', `${path}: the disk is full (${message}); free some space`, {
      cause,
    });
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'))
    return new RecordsError('corrupted', `${path}: the records database is damaged (${message})`, { cause });
  if (
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY')
  )
    return new RecordsError('io', `${path}: the records database cannot be read or written (${message})`, {
      cause,
    });
  return null;
}
