import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { KEY_BYTES } from './database/sqlite-driver';
import { RecordsError } from './records-error';

/**
 * The database key: 32 random bytes made on first run, then kept in a file next to the database,
 * either in clear with owner-only permissions (Node host) or wrapped by the OS keychain through
 * Electron's safeStorage (Electron host, via a KeyProtector so the core never imports electron).
 * A key is only ever created when there is no database yet: creating one over an existing
 * database would make it unreadable.
 */
export interface KeyProtector {
  protect(key: Uint8Array): Uint8Array;
  unprotect(blob: Uint8Array): Uint8Array;
}

export interface LoadedKey {
  readonly key: Uint8Array;
  /** True on first run: the audit log records it. */
  readonly created: boolean;
}

export interface RecordsKeyProvider {
  /** Where the key lives, for messages. */
  readonly path: string;
  /** A key is only ever made with a new database: its presence says a database was made. */
  exists(): boolean;
  load(databaseExists: boolean): LoadedKey;
}

/** Node host: `records.key`, hex, mode 0600; refused if group or others may read it. */
export function keyFileProvider(
  path: string,
  platform: NodeJS.Platform = process.platform,
): RecordsKeyProvider {
  return {
    path,
    exists: () => existsSync(path),
    load(databaseExists) {
      if (!existsSync(path)) return createKey(path, databaseExists, (key) => Buffer.from(`${hex(key)}\n`));
      // Windows has no POSIX modes; the data folder's ACL protects the file there.
      if (platform !== 'win32') {
        const mode = statSync(path).mode & 0o777;
        if ((mode & 0o077) !== 0)
          throw new RecordsError(
            'key-file-insecure',
            `${path} is readable by other users (mode ${mode.toString(8)}): the records key must be private. ` +
              `Fix: chmod 600 "${path}" (and check who could have read it).`,
          );
      }
      return { key: parseHexKey(readFileSync(path, 'utf8'), path), created: false };
    },
  };
}

/** Electron host: the key wrapped by `protector` (safeStorage), stored as the wrapped bytes. */
export function protectedKeyProvider(path: string, protector: KeyProtector): RecordsKeyProvider {
  return {
    path,
    exists: () => existsSync(path),
    load(databaseExists) {
      if (!existsSync(path)) return createKey(path, databaseExists, (key) => protector.protect(key));
      let key: Uint8Array;
      try {
        key = protector.unprotect(readFileSync(path));
      } catch (cause) {
        throw new RecordsError(
          'wrong-key',
          `${path}: the operating system's key store cannot unlock the records key (another user or machine?)`,
          { cause },
        );
      }
      if (key.length !== KEY_BYTES)
        throw new RecordsError('wrong-key', `${path}: not a ${KEY_BYTES}-byte key`);
      return { key, created: false };
    },
  };
}

function createKey(
  path: string,
  databaseExists: boolean,
  encode: (key: Uint8Array) => Uint8Array,
): LoadedKey {
  if (databaseExists)
    throw new RecordsError(
      'key-missing',
      `${path} is missing but a records database exists: restore the key file from its backup; ` +
        'a new key cannot open the existing records.',
    );
  const key = new Uint8Array(randomBytes(KEY_BYTES));
  // `wx`: never replace a key another process wrote in the meantime.
  writeFileSync(path, encode(key), { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600); // the umask may have narrowed the mode further, never widened: make it exact
  return { key, created: true };
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function parseHexKey(text: string, path: string): Uint8Array {
  const trimmed = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed))
    throw new RecordsError('wrong-key', `${path}: not a records key (expected 64 hex digits)`);
  return new Uint8Array(Buffer.from(trimmed, 'hex'));
}
