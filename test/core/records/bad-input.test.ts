import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, statfsSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ConsultationStore } from '../../../src/core/records/consultation-store';
import { keyCheckPath } from '../../../src/core/records/database/key-check';
import { openEncryptedDatabase } from '../../../src/core/records/database/sqlite-driver';
import { RECORDS_FILE } from '../../../src/core/records/open-records';
import { Recorder } from '../../../src/core/records/recorder';
import { RecordsError } from '../../../src/core/records/records-error';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import {
  anError,
  failingDisk,
  manualClock,
  openTestRecords,
  oximeterSecond,
  tempDir,
} from './records-test-kit';

describe('records: bad input loses nothing', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  function seed(): { id: string; path: string } {
    const clock = manualClock();
    const store = openTestRecords(temp.dir, clock.now);
    const recorder = new Recorder(store);
    const { id } = store.start(CONSULTATION_START);
    for (let s = 0; s < 5; s++)
      recorder.onReadings({ seq: s, readings: oximeterSecond(clock.now() + s * 1000) });
    recorder.flush();
    store.end(id);
    store.close();
    return { id, path: join(temp.dir, RECORDS_FILE) };
  }

  it('random bytes where the database was: a clear error, and the file is not touched', () => {
    const { path } = seed();
    const garbage = randomBytes(8192);
    writeFileSync(path, garbage);
    // The key check beside the file says the key is right: so the file is damaged.
    expect(() => openTestRecords(temp.dir)).toThrow(anError('corrupted', /damaged/));
    // Without the key check the two cannot be told apart, and the message says both.
    rmSync(keyCheckPath(path));
    expect(() => openTestRecords(temp.dir)).toThrow(
      anError('wrong-key', /wrong key, or not a records database/),
    );
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it('a damaged database with its right key is named corrupted; a truncated one too', () => {
    const { path } = seed();
    const intact = readFileSync(path);
    const damaged = Buffer.from(intact);
    randomBytes(64).copy(damaged, 100); // inside page 1, after the salt
    writeFileSync(path, damaged);
    expect(() => openTestRecords(temp.dir)).toThrow(anError('corrupted', /damaged/));
    expect(readFileSync(path).equals(damaged)).toBe(true);

    writeFileSync(path, intact.subarray(0, intact.length - 1000));
    expect(() => openTestRecords(temp.dir)).toThrow(anError('corrupted', /truncated/));
    expect(statSync(path).size).toBe(intact.length - 1000);

    writeFileSync(path, intact);
    const store = openTestRecords(temp.dir);
    expect(store.list()[0]?.counts.numerics).toBe(10);
    store.close();
  });

  it('an empty (zero-byte) file is damage, not a new database', () => {
    seed();
    const path = join(temp.dir, RECORDS_FILE);
    truncateSync(path, 0);
    // zero bytes is a whole number of pages, and SQLite would happily make a new database in it:
    // the key check beside it says this was a database with data.
    expect(() => openTestRecords(temp.dir)).toThrow(RecordsError);
    expect(statSync(path).size).toBe(0);
  });

  it('disk full (simulated SQLITE_FULL at the driver): readings stay buffered and are saved once space is back', () => {
    const clock = manualClock();
    const path = join(temp.dir, RECORDS_FILE);
    const key = new Uint8Array(32).fill(3);
    const disk = failingDisk(openEncryptedDatabase(path, key));
    const store = ConsultationStore.open(disk.db, { now: clock.now });
    const lines: string[] = [];
    const recorder = new Recorder(store, { log: (line) => lines.push(line) });
    const { id } = store.start(CONSULTATION_START);
    recorder.onReadings({ seq: 0, readings: oximeterSecond(clock.now()) });
    expect(recorder.flush()).toBe(true);

    disk.full = true;
    recorder.onReadings({ seq: 1, readings: oximeterSecond(clock.now() + 1000) });
    expect(recorder.flush()).toBe(false);
    recorder.onReadings({ seq: 2, readings: oximeterSecond(clock.now() + 2000) });
    expect(recorder.flush()).toBe(false);
    expect(recorder.statistics.failing).toMatch(/disk is full/);
    expect(lines).toHaveLength(1); // logged once, not once per window
    expect(store.current()?.counts.numerics).toBe(2); // still answers, with what is committed

    disk.full = false;
    expect(recorder.flush()).toBe(true);
    expect(store.current()?.counts).toMatchObject({ numerics: 6, waveformSamples: 180 });
    expect(recorder.statistics).toMatchObject({ failing: null, droppedReadings: 0 });
    store.end(id);
    recorder.close();
    store.close();
  });

  it('disk full for too long: the oldest buffered readings go (counted), never committed ones', () => {
    const clock = manualClock();
    const disk = failingDisk(openEncryptedDatabase(join(temp.dir, RECORDS_FILE), new Uint8Array(32).fill(4)));
    const store = ConsultationStore.open(disk.db, { now: clock.now });
    const recorder = new Recorder(store, { maxBufferedSamples: 200, log: () => undefined });
    store.start(CONSULTATION_START);
    recorder.onReadings({ seq: 0, readings: oximeterSecond(clock.now()) });
    recorder.flush();
    disk.full = true;
    for (let s = 1; s <= 5; s++)
      recorder.onReadings({ seq: s, readings: oximeterSecond(clock.now() + s * 1000) });
    expect(recorder.statistics.droppedReadings).toBeGreaterThan(0);
    disk.full = false;
    recorder.flush();
    expect(store.current()?.counts.numerics).toBeGreaterThanOrEqual(2);
    recorder.close();
    store.close();
  });

  it('disk full on a real tiny tmpfs: a clear error, then everything saved once space is freed', () => {
    const mountDir = join(temp.dir, 'tiny');
    mkdirSync(mountDir);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountDir], { stdio: 'ignore' });
    } catch {
      console.warn('tmpfs mount not permitted here: the real disk-full case is skipped (simulated one ran)');
      return;
    }
    try {
      const clock = manualClock();
      const store = openTestRecords(mountDir, clock.now);
      const lines: string[] = [];
      const recorder = new Recorder(store, { log: (line) => lines.push(line) });
      const { id } = store.start(CONSULTATION_START);
      const filler = join(mountDir, 'filler');
      const free = statfsSync(mountDir);
      writeFileSync(filler, Buffer.alloc(free.bavail * free.bsize - 96 * 1024)); // leave room for a few windows
      let failedAt = -1;
      for (let s = 0; s < 400 && failedAt < 0; s++) {
        recorder.onReadings({ seq: s, readings: oximeterSecond(clock.now() + s * 1000) });
        if (!recorder.flush()) failedAt = s;
      }
      expect(failedAt).toBeGreaterThan(0);
      expect(recorder.statistics.failing).toMatch(/disk is full/);
      expect(store.current()?.counts.numerics).toBe(failedAt * 2);
      rmSync(filler);
      expect(recorder.flush()).toBe(true);
      expect(store.current()?.counts.numerics).toBe((failedAt + 1) * 2);
      store.end(id);
      recorder.close();
      store.close();
      const reopened = openTestRecords(mountDir);
      expect(reopened.list()[0]?.counts.numerics).toBe((failedAt + 1) * 2);
      reopened.close();
    } finally {
      execFileSync('umount', ['-l', mountDir], { stdio: 'ignore' });
    }
  });
});
