import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRecords } from '../../../src/core/records/open-records';
import type { ConsultationStore } from '../../../src/core/records/consultation-store';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import type { Reading } from '../../../src/shared/domain/readings';
import type { SqlDatabase } from '../../../src/core/records/database/sql-database';
import { recordsErrorFromSqlite, type RecordsError } from '../../../src/core/records/records-error';

/** A fresh data folder per test, removed afterwards. */
export function tempDir(prefix = 'records-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A settable clock starting at 2026-11-25T09:30:00Z. */
export function manualClock(startIso = '2026-11-25T09:30:00.000Z'): {
  now: () => number;
  advance(ms: number): void;
  set(ms: number): void;
} {
  let t = Date.parse(startIso);
  return { now: () => t, advance: (ms) => (t += ms), set: (ms) => (t = ms) };
}

/** The fixtures' day: the default clock of a test store, so retention never ages a fixture out. */
export const FIXTURE_EPOCH_MS = Date.parse('2026-11-25T09:30:00.000Z');

/**
 * A store on the test's clock (by default, frozen at the fixtures' day): never the wall clock, so a
 * fixture never becomes older than the retention period and the suite passes on any date.
 */
export function openTestRecords(
  dir: string,
  now: () => number = () => FIXTURE_EPOCH_MS,
  settings = new MemorySettingsStore(),
): ConsultationStore {
  return openRecords({ dir, settings, now });
}

export const OXIMETER = 'contec-cms50-v7@/dev/ttyUSB0';

/** One second of an oximeter: SpO2 and pulse, and 60 pleth samples. */
export function oximeterSecond(startMs: number, spo2 = 97): Reading[] {
  const iso = new Date(startMs).toISOString();
  return [
    { type: 'numeric', device: OXIMETER, metric: 'MDC_PULS_OXIM_SAT_O2', unit: '%', value: spo2, time: iso },
    {
      type: 'numeric',
      device: OXIMETER,
      metric: 'MDC_PULS_OXIM_PULS_RATE',
      unit: '/min',
      value: 72,
      time: iso,
    },
    {
      type: 'waveform',
      device: OXIMETER,
      metric: 'MDC_PULS_OXIM_PLETH',
      unit: '1',
      rateHz: 60,
      start: iso,
      samples: Array.from({ length: 60 }, (_, i) => Math.round(50 + 40 * Math.sin(i / 5))),
    },
  ];
}

/** A matcher for a RecordsError with this code (and a message matching `message`). */
export function anError(code: string, message?: RegExp): RecordsError {
  const matcher: unknown = expect.objectContaining(
    message === undefined ? { code } : { code, message: expect.stringMatching(message) as unknown },
  );
  return matcher as RecordsError;
}

/** A database whose disk fills up on demand: writes fail the way SQLite reports a full disk. */
export function failingDisk(db: SqlDatabase): { db: SqlDatabase; full: boolean } {
  const state = { full: false, db: undefined as unknown as SqlDatabase };
  state.db = {
    get path() {
      return db.path;
    },
    exec: (sql) => db.exec(sql),
    prepare: (sql) => db.prepare(sql),
    pragmaValue: (name) => db.pragmaValue(name),
    close: () => db.close(),
    transaction: (fn) => {
      if (state.full)
        // What the driver makes of SQLite's SQLITE_FULL.
        throw (
          recordsErrorFromSqlite(
            Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
            db.path,
          ) ?? new Error('SQLITE_FULL not mapped')
        );
      return db.transaction(fn);
    },
  };
  return state;
}
