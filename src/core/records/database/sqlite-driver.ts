import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { RecordsError, recordsErrorFromSqlite } from '../records-error';
import type { SqlDatabase, SqlRow, SqlStatement, SqlValue } from './sql-database';

/** SQLCipher's default page size (4.x): an intact file is a whole number of pages. */
const PAGE_SIZE = 4096;
export const KEY_BYTES = 32;

/**
 * The one adapter of the encrypted engine (better-sqlite3-multiple-ciphers, SQLCipher 4 format).
 * Opens a file with a raw 32-byte key, checks that the key opens it before anything is written,
 * then turns on WAL and foreign keys. Errors become RecordsError codes; a file that does not open
 * is never written to, so a wrong key or a damaged file loses nothing.
 *
 * synchronous=FULL: in WAL mode every commit (one per 0.5 s reading window) fsyncs the WAL before
 * it returns, so a committed window survives a power cut, not only a process crash. With NORMAL a
 * power cut could lose every commit since the last checkpoint (up to ~1000 pages of WAL, minutes of
 * readings), which the README's "at most one window" does not allow. Cost: bench/records.ts.
 */
export function openEncryptedDatabase(path: string, key: Uint8Array): SqlDatabase {
  if (key.length !== KEY_BYTES)
    throw new RecordsError('wrong-key', `the records key must be ${KEY_BYTES} bytes`);
  if (existsSync(path)) checkWholePages(path);
  // Owner-only from the start; SQLite gives the -wal and -shm files the database file's mode.
  else closeSync(openSync(path, 'wx', 0o600));
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (cause) {
    throw recordsErrorFromSqlite(cause, path) ?? cause;
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma(`key="x'${Buffer.from(key).toString('hex')}'"`);
    // The first read decrypts page 1: a wrong key or a non-database file fails here, before any write.
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // A deleted or purged record is overwritten with zeros, not just unlinked: it must not come back
    // to whoever holds the key.
    db.pragma('secure_delete = ON');
    return new DriverDatabase(db, path);
  } catch (cause) {
    db.close();
    const mapped = recordsErrorFromSqlite(cause, path);
    if (mapped?.code === 'corrupted')
      // SQLCipher cannot tell a wrong key from random bytes (both fail page 1's HMAC); the caller
      // tells them apart with the key check (key-check.ts).
      throw new RecordsError('wrong-key', `${path}: the key does not open this database`, { cause });
    throw mapped ?? cause;
  }
}

/** A truncated or padded file is damaged whatever the key: say so before SQLite reads it. */
function checkWholePages(path: string): void {
  const size = statSync(path).size;
  if (size % PAGE_SIZE !== 0)
    throw new RecordsError(
      'corrupted',
      `${path}: the records database is damaged (${size} bytes is not a whole number of pages: truncated?)`,
    );
}

class DriverDatabase implements SqlDatabase {
  constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {}

  exec(sql: string): void {
    this.guard(() => this.db.exec(sql));
  }

  prepare(sql: string): SqlStatement {
    const statement = this.guard(() => this.db.prepare(sql));
    const guard = <T>(fn: () => T): T => this.guard(fn);
    return {
      run: (...params: readonly SqlValue[]) => guard(() => statement.run(...params)),
      get: (...params: readonly SqlValue[]) => guard(() => statement.get(...params) as SqlRow | undefined),
      all: (...params: readonly SqlValue[]) => guard(() => statement.all(...params) as SqlRow[]),
      iterate: (...params: readonly SqlValue[]) =>
        guard(() => statement.iterate(...params) as IterableIterator<SqlRow>),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.guard(() => this.db.transaction(fn).immediate());
  }

  pragmaValue(name: string): unknown {
    return this.guard(() => this.db.pragma(name, { simple: true }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private guard<T>(fn: () => T): T {
    if (!this.db.open) throw new RecordsError('closed', `${this.path}: the records database is closed`);
    try {
      return fn();
    } catch (cause) {
      throw recordsErrorFromSqlite(cause, this.path) ?? cause;
    }
  }
}
