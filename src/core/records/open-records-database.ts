import { existsSync, statSync } from 'node:fs';
import { keyMatches, writeKeyCheck } from './database/key-check';
import type { SqlDatabase } from './database/sql-database';
import { openEncryptedDatabase } from './database/sqlite-driver';
import type { RecordsKeyProvider } from './records-key';
import { RecordsError } from './records-error';

export interface OpenedDatabase {
  readonly db: SqlDatabase;
  readonly keyCreated: boolean;
}

/**
 * Loads (or on first run creates) the key, then opens the encrypted file with it. The key check
 * beside the file names the failure: a key that is not this database's → `wrong-key`; the right
 * key on a file that does not open → `corrupted`. Neither writes anything.
 */
export function openRecordsDatabase(path: string, keys: RecordsKeyProvider): OpenedDatabase {
  const exists = existsSync(path);
  if (!exists && keys.exists()) throw databaseMissing(path, keys.path);
  const { key, created } = keys.load(exists);
  const matches = exists ? keyMatches(path, key) : null;
  // SQLite would take a zero-byte file for a new database: with a key check beside it, it held one.
  if (exists && matches !== null && statSync(path).size === 0)
    throw new RecordsError(
      'corrupted',
      `${path}: the records database is empty (emptied or truncated to nothing)`,
    );
  if (matches === false)
    throw new RecordsError('wrong-key', `${path}: ${keys.path} is not the key of this records database`);
  let db: SqlDatabase;
  try {
    db = openEncryptedDatabase(path, key);
  } catch (cause) {
    if (cause instanceof RecordsError && cause.code === 'wrong-key' && matches === true)
      throw new RecordsError('corrupted', `${path}: the records database is damaged (its key is right)`, {
        cause,
      });
    if (cause instanceof RecordsError && cause.code === 'wrong-key')
      throw new RecordsError(
        'wrong-key',
        `${path}: cannot be opened with ${keys.path}: wrong key, or not a records database`,
        { cause },
      );
    throw cause;
  }
  if (matches === null) writeKeyCheck(path, key);
  return { db, keyCreated: created };
}

/**
 * SQLite would make a new, empty database where the file was deleted or moved, and the station would
 * carry on as if it had never recorded anything. The key was made with that database, so its
 * presence says the records existed: starting afresh is an operator's decision (README, "Storage").
 */
function databaseMissing(path: string, keyPath: string): RecordsError {
  return new RecordsError(
    'database-missing',
    `${path} is missing but its key ${keyPath} exists: the records database was deleted or moved. ` +
      `Restore it (with its -wal file, if any) from a backup; to start an empty record store on purpose, ` +
      `move ${keyPath} out of the folder and keep it (it alone can open the old records).`,
  );
}
