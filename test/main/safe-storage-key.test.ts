import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROTECTED_KEY_FILE } from '../../src/core/records/open-records';
import { openElectronRecords, safeStorageProtector } from '../../src/main/safe-storage-key';
import { MemorySettingsStore } from '../../src/core/settings/memory-settings-store';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { fakeSafeStorage, recordingLog } from '../helpers/fake-electron';

describe('records key through safeStorage (Electron host)', () => {
  let userData: string;
  beforeEach(() => (userData = mkdtempSync(path.join(tmpdir(), 'station-records-key-'))));
  afterEach(() => rmSync(userData, { recursive: true, force: true }));

  it('stores the key only wrapped by the OS key store, and reopens the records with it', () => {
    const settings = new MemorySettingsStore();
    const log = recordingLog();
    const first = openElectronRecords({ userData, safeStorage: fakeSafeStorage(), settings, log });
    if (first instanceof Error) throw first;
    const { id } = first.start(CONSULTATION_START);
    first.close();
    const wrapped = readFileSync(path.join(userData, PROTECTED_KEY_FILE));
    expect(wrapped.toString('latin1')).toMatch(/^fake-os-keystore:/);
    expect(wrapped.toString('latin1')).not.toMatch(/[0-9a-f]{64}/);
    expect(existsSync(path.join(userData, 'records.key'))).toBe(false);

    const again = openElectronRecords({ userData, safeStorage: fakeSafeStorage(), settings, log });
    if (again instanceof Error) throw again;
    // Reopened straight away: the consultation is resumed (consultation-resume.ts).
    expect(again.list()[0]).toMatchObject({ id, status: 'active' });
    again.close();
    expect(log.errors).toEqual([]);
  });

  it('a key store that cannot unwrap the key: records unavailable with the reason, database untouched', () => {
    const settings = new MemorySettingsStore();
    const first = openElectronRecords({
      userData,
      safeStorage: fakeSafeStorage(),
      settings,
      log: recordingLog(),
    });
    if (first instanceof Error) throw first;
    first.close();
    const before = readFileSync(path.join(userData, 'records.db'));
    const other = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('Error while decrypting');
      },
    };
    const log = recordingLog();
    const result = openElectronRecords({ userData, safeStorage: other, settings, log });
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(/cannot unlock the records key/);
    expect(log.errors[0]).toMatch(/consultation records unavailable/);
    expect(readFileSync(path.join(userData, 'records.db')).equals(before)).toBe(true);
  });

  it('a deleted records database beside its wrapped key: refused (database-missing), none made', () => {
    const settings = new MemorySettingsStore();
    const first = openElectronRecords({
      userData,
      safeStorage: fakeSafeStorage(),
      settings,
      log: recordingLog(),
    });
    if (first instanceof Error) throw first;
    first.close();
    rmSync(path.join(userData, 'records.db'));
    const log = recordingLog();
    const result = openElectronRecords({ userData, safeStorage: fakeSafeStorage(), settings, log });
    expect(result).toMatchObject({ code: 'database-missing' });
    expect(log.errors[0]).toMatch(/records\.db is missing but its key .*records\.key\.protected exists/);
    expect(existsSync(path.join(userData, 'records.db'))).toBe(false);
  });

  it('no OS key store: refuses (records unavailable); basic_text backend: warns', () => {
    const log = recordingLog();
    const result = openElectronRecords({
      userData,
      safeStorage: fakeSafeStorage({ available: false }),
      settings: new MemorySettingsStore(),
      log,
    });
    expect(result).toBeInstanceOf(Error);
    expect(log.errors).toHaveLength(1);
    safeStorageProtector(fakeSafeStorage({ backend: 'basic_text' }), log);
    expect(log.warnings[0]).toMatch(/no OS key store/);
  });
});
