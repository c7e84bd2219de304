import { RECORDS_ERROR_CODES, type RecordsErrorCode } from '../../shared/domain/problem-codes';

/**
 * Why the records store cannot do what was asked, as a code the hosts and the API can branch on
 * (the list is shared: the screens word each code themselves). The message says what happened and
 * what to do, for the log and the installer.
 */
export { RECORDS_ERROR_CODES, type RecordsErrorCode };

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
