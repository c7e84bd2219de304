import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyCheckPath } from '../../../src/core/records/database/key-check';
import { openEncryptedDatabase } from '../../../src/core/records/database/sqlite-driver';
import { KEY_FILE, RECORDS_FILE } from '../../../src/core/records/open-records';
import { Recorder } from '../../../src/core/records/recorder';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { anError, manualClock, openTestRecords, oximeterSecond, tempDir } from './records-test-kit';

/** Encryption at rest: grep the raw bytes for what must never be in clear, then try wrong keys. */
describe('records encryption at rest', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  function recordSomething(keepOpen: boolean) {
    const clock = manualClock();
    const store = openTestRecords(temp.dir, clock.now);
    const recorder = new Recorder(store);
    const { id } = store.start(CONSULTATION_START);
    // 87.654 is a value that cannot appear by chance, as text or as a double.
    recorder.onReadings({
      seq: 0,
      readings: [
        ...oximeterSecond(clock.now()),
        {
          type: 'numeric',
          device: 'x@y',
          metric: 'MDC_TEMP_BODY',
          unit: 'Cel',
          value: 87.654,
          time: '2026-11-25T09:30:00.500Z',
        },
      ],
    });
    recorder.flush();
    store.append(id, { kind: 'note', author: 'Dr Martin', text: 'Souffle systolique Dupont-Lefèvre' });
    if (!keepOpen) store.close();
    return store;
  }

  function rawBytes(): Buffer {
    const path = join(temp.dir, RECORDS_FILE);
    return Buffer.concat([path, `${path}-wal`].filter(existsSync).map((p) => readFileSync(p)));
  }

  function expectNothingInClear(bytes: Buffer): void {
    for (const needle of [
      'Dupont',
      'Jeanne',
      '248037512345658',
      'Souffle',
      'MDC_PULS_OXIM',
      '87.654',
      'consultations',
    ])
      expect(bytes.includes(Buffer.from(needle, 'utf8'))).toBe(false);
    // nor the reading as a little-endian double, nor SQLite's plain header
    const double = Buffer.alloc(8);
    double.writeDoubleLE(87.654);
    expect(bytes.includes(double)).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
  }

  it('the database file and its WAL hold no patient name and no reading in clear', () => {
    const store = recordSomething(true);
    expect(existsSync(join(temp.dir, `${RECORDS_FILE}-wal`))).toBe(true);
    expectNothingInClear(rawBytes());
    store.close();
    expectNothingInClear(rawBytes());
  });

  it('the key file and the database are private (0600); the key is 32 random bytes in hex', () => {
    recordSomething(false);
    const keyPath = join(temp.dir, KEY_FILE);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(statSync(join(temp.dir, RECORDS_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyPath, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('does not open with a wrong key or without one, and the file is left untouched', () => {
    recordSomething(false);
    const path = join(temp.dir, RECORDS_FILE);
    const before = readFileSync(path);
    expect(() => openEncryptedDatabase(path, new Uint8Array(32).fill(7))).toThrow(anError('wrong-key'));
    // Through the store: a replaced key file is named as the wrong key, not as damage.
    writeFileSync(join(temp.dir, KEY_FILE), `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    expect(() => openTestRecords(temp.dir)).toThrow(anError('wrong-key', /not the key/));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a key check cut short (power cut) does not call the right key wrong, and is written again', () => {
    recordSomething(false);
    const check = keyCheckPath(join(temp.dir, RECORDS_FILE));
    writeFileSync(check, 'ab12', { mode: 0o600 });
    openTestRecords(temp.dir).close();
    expect(readFileSync(check, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to make a new key over an existing database (key file lost)', () => {
    recordSomething(false);
    const keyPath = join(temp.dir, KEY_FILE);
    const key = readFileSync(keyPath);
    rmSync(keyPath);
    expect(() => openTestRecords(temp.dir)).toThrow(anError('key-missing'));
    expect(existsSync(keyPath)).toBe(false);
    writeFileSync(keyPath, key, { mode: 0o600 });
    const store = openTestRecords(temp.dir);
    expect(store.list()).toHaveLength(1);
    store.close();
  });

  it('refuses a key file readable by others, and says how to fix it', () => {
    recordSomething(false);
    const keyPath = join(temp.dir, KEY_FILE);
    chmodSync(keyPath, 0o644);
    expect(() => openTestRecords(temp.dir)).toThrow(anError('key-file-insecure', /chmod 600 "/));
    expect(() => openTestRecords(temp.dir)).toThrow(keyPath);
  });
});
