import type { ConsultationStore } from '../core/records/consultation-store';
import { openRecordsOrError } from '../core/records/open-records';
import type { KeyProtector } from '../core/records/records-key';
import type { SettingsStore } from '../core/settings/settings-store';
import type { ShellLog } from './shell-log';

/**
 * The records key wrapped by the operating system's key store (Keychain, DPAPI, libsecret/kwallet)
 * through Electron's safeStorage. main.ts passes `safeStorage` in, so this module (and its test)
 * never import electron at run time.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` means no key store was found (a fixed password protects the key). */
  getSelectedStorageBackend?(): string;
}

export function safeStorageProtector(safeStorage: SafeStorageLike, log: ShellLog): KeyProtector {
  if (!safeStorage.isEncryptionAvailable())
    throw new Error(
      "the operating system's key store is not available (safeStorage): the records key cannot be protected; " +
        'on Linux install and unlock a secret service (GNOME Keyring, KWallet)',
    );
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (backend === 'basic_text')
    log.warn('no OS key store found: the records key is protected only by the file permissions', { backend });
  return {
    protect: (key) => new Uint8Array(safeStorage.encryptString(Buffer.from(key).toString('hex'))),
    unprotect: (blob) => {
      const hex = safeStorage.decryptString(Buffer.from(blob));
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('the unwrapped records key is not 64 hex digits');
      return new Uint8Array(Buffer.from(hex, 'hex'));
    },
  };
}

/** The Electron host's records: in `userData`, keyed through safeStorage; an Error if they cannot open. */
export function openElectronRecords(options: {
  readonly userData: string;
  readonly safeStorage: SafeStorageLike;
  readonly settings: SettingsStore;
  readonly log: ShellLog;
}): ConsultationStore | Error {
  let protector: KeyProtector;
  try {
    protector = safeStorageProtector(options.safeStorage, options.log);
  } catch (cause) {
    const error = cause instanceof Error ? cause : new Error(String(cause));
    options.log.error('consultation records unavailable', { cause: error.message });
    return error;
  }
  return openRecordsOrError({ dir: options.userData, settings: options.settings, protector }, (line) =>
    options.log.error(line),
  );
}
