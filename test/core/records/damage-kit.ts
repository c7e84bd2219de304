import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEncryptedDatabase } from '../../../src/core/records/database/sqlite-driver';
import { KEY_FILE, RECORDS_FILE } from '../../../src/core/records/open-records';
import { Recorder } from '../../../src/core/records/recorder';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { manualClock, openTestRecords, oximeterSecond } from './records-test-kit';

const PAGE_SIZE = 4096;

/**
 * A closed records database in `dir` with two consultations: `numericsOnly` (numerics and events,
 * no waveform) and `withWaveforms` (two minutes of pleth), the only one owning waveform chunks.
 */
export function seedTwoRecords(dir: string): { numericsOnly: string; withWaveforms: string } {
  const clock = manualClock();
  const store = openTestRecords(dir, clock.now);
  const recorder = new Recorder(store);
  const first = store.start(CONSULTATION_START);
  for (let s = 0; s < 10; s++)
    recorder.onReadings({
      seq: s,
      readings: oximeterSecond(clock.now() + s * 1000).filter((r) => r.type === 'numeric'),
    });
  recorder.flush();
  store.end(first.id);
  clock.advance(60_000);
  const second = store.start(CONSULTATION_START);
  for (let s = 0; s < 120; s++) {
    recorder.onReadings({ seq: 100 + s, readings: oximeterSecond(clock.now() + s * 1000) });
    recorder.flush();
  }
  store.end(second.id);
  recorder.close();
  store.close();
  return { numericsOnly: first.id, withWaveforms: second.id };
}

/** The pages of one table's b-tree leaves, read with SQLite's dbstat from the closed database. */
export function leafPagesOf(dir: string, table: string): number[] {
  const key = new Uint8Array(Buffer.from(readFileSync(join(dir, KEY_FILE), 'utf8').trim(), 'hex'));
  const db = openEncryptedDatabase(join(dir, RECORDS_FILE), key);
  try {
    return db
      .prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`)
      .all(table)
      .map((row) => Number(row.pageno));
  } finally {
    db.close();
  }
}

/** Overwrites 64 bytes in the middle of page `page` (1-based) of the real file, as a bad sector would. */
export function damagePage(dir: string, page: number): void {
  const path = join(dir, RECORDS_FILE);
  const bytes = readFileSync(path);
  bytes.fill(0x5a, (page - 1) * PAGE_SIZE + 2000, (page - 1) * PAGE_SIZE + 2064);
  writeFileSync(path, bytes);
}

export { PAGE_SIZE };
