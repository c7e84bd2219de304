import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DoctorWriteLimits } from '../../shared/domain/doctor-writes';
import type { SettingsStore } from '../settings/settings-store';
import { ConsultationStore } from './consultation-store';
import { openRecordsDatabase } from './open-records-database';
import { ensurePrivateFolder } from './private-folder';
import {
  keyFileProvider,
  protectedKeyProvider,
  type KeyProtector,
  type RecordsKeyProvider,
} from './records-key';

export const RECORDS_FILE = 'records.db';
/** Node host: the key in clear, mode 0600. */
export const KEY_FILE = 'records.key';
/** Electron host: the key wrapped by the OS key store (safeStorage). */
export const PROTECTED_KEY_FILE = 'records.key.protected';

export interface OpenRecordsOptions {
  /** The user data folder: the database, its key check and (Node host) the key live there. */
  readonly dir: string;
  /** Electron host: safeStorage; absent in the Node host, which keeps a 0600 key file. */
  readonly protector?: KeyProtector;
  /** Actor (operatorName) and retention (retentionDays) come from the settings, read when used. */
  readonly settings: SettingsStore;
  readonly now?: () => number;
  /** The doctor's writes per consultation (tests); the shared defaults when not given. */
  readonly doctorWriteLimits?: DoctorWriteLimits;
}

/** What each host calls once: the key, the encrypted database, the store over it. */
export function openRecords(options: OpenRecordsOptions): ConsultationStore {
  ensurePrivateFolder(options.dir);
  const keys: RecordsKeyProvider =
    options.protector === undefined
      ? keyFileProvider(join(options.dir, KEY_FILE))
      : protectedKeyProvider(join(options.dir, PROTECTED_KEY_FILE), options.protector);
  const { db, keyCreated } = openRecordsDatabase(join(options.dir, RECORDS_FILE), keys);
  try {
    return ConsultationStore.open(db, {
      keyCreated,
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.doctorWriteLimits === undefined ? {} : { doctorWriteLimits: options.doctorWriteLimits }),
      actor: () => options.settings.get().operatorName.trim() || 'station',
      retentionDays: () => options.settings.get().retentionDays,
      amendWindowMs: () => options.settings.get().reportAmendHours * 3_600_000,
    });
  } catch (cause) {
    db.close();
    throw cause;
  }
}

export function recordsExist(dir: string): boolean {
  return existsSync(join(dir, RECORDS_FILE));
}

/**
 * For the hosts: the store, or the error that kept it closed (logged), so the station still
 * starts and shows vitals while `consultation.*` answers `unavailable` with the reason.
 */
export function openRecordsOrError(
  options: OpenRecordsOptions,
  log: (line: string) => void,
): ConsultationStore | Error {
  try {
    return openRecords(options);
  } catch (cause) {
    const error = cause instanceof Error ? cause : new Error(String(cause));
    log(`consultation records unavailable: ${error.message}`);
    return error;
  }
}
