import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseExportSource } from '../src/core/records/database-export-source';
import { DEFAULT_EXPORT_FORMATS } from '../src/core/records/default-export-formats';
import { openEncryptedDatabase } from '../src/core/records/database/sqlite-driver';
import { KEY_FILE, openRecords, RECORDS_FILE } from '../src/core/records/open-records';
import { keyFileProvider } from '../src/core/records/records-key';
import { Recorder } from '../src/core/records/recorder';
import { checkRecordsIntegrity } from '../src/core/records/records-integrity';
import { MemorySettingsStore } from '../src/core/settings/memory-settings-store';
import type { ConsultationStart, ExportFormat } from '../src/shared/domain/consultation';
import type { MetricId } from '../src/shared/domain/metrics';
import type { Reading } from '../src/shared/domain/readings';
import { fmt } from './stats';

const LEADS = ['I', 'II', 'III', 'AVR', 'AVL', 'AVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
const RATE_HZ = 250;
/** Devices deliver waveforms in packets: 25 samples (100 ms) per reading. */
const PACKET = 25;
const WINDOW_MS = 500;
const NUMERICS: readonly [MetricId, string, (s: number) => number][] = [
  ['MDC_PULS_OXIM_SAT_O2', '%', (s) => 95 + (s % 4)],
  ['MDC_PULS_OXIM_PULS_RATE', '/min', (s) => 70 + (s % 9)],
  ['MDC_ECG_HEART_RATE', '/min', (s) => 71 + (s % 7)],
  ['MDC_RESP_RATE', '/min', (s) => 14 + (s % 3)],
  ['MDC_TEMP_BODY', 'Cel', (s) => 36.8 + (s % 5) / 10],
];

const START: ConsultationStart = {
  patient: {
    familyName: 'Benchmark',
    birthGivenNames: ['Patient'],
    birthDate: '1950-01-01',
    sex: 'other',
    identityStatus: 'provisional',
  },
  accompanying: { name: 'Nurse', role: 'nurse' },
  consent: { teleconsultation: true, deviceData: true, recordedBy: 'Nurse' },
};

export interface RecordsBenchResult {
  readonly label: string;
  readonly minutes: number;
  readonly samples: number;
  readonly wallS: number;
  readonly cpuMs: number;
  readonly dbBytes: number;
  readonly exports: { format: ExportFormat; ms: number; bytes: number }[];
  readonly missingExports: ExportFormat[];
  /** Opening the closed database again (key, migrations, quick_check, audit walk), and quick_check alone. */
  readonly reopenMs: number;
  readonly quickCheckMs: number;
  /** The equipment check's full integrity_check, on a fresh connection too. */
  readonly integrityCheckMs: number;
}

/**
 * Recording 12 ECG leads at 250 Hz and 5 numerics at 1 Hz for `minutes` of consultation time,
 * fed as fast as the store takes it through the real recorder, one commit per 0.5 s window of
 * simulated time (as in a live consultation, where each window is one transaction); then each
 * export that exists, over the same encrypted database.
 * `exact3`: samples in mV to 3 decimals (what most ECG front ends deliver: 2-byte storage);
 * otherwise raw doubles (worst case: 8-byte storage).
 */
export async function benchRecords(
  minutes = 30,
  exact3 = true,
  withExports = exact3,
): Promise<RecordsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-records-'));
  const store = openRecords({ dir, settings: new MemorySettingsStore() });
  const t0 = Date.parse('2026-11-25T09:30:00.000Z');
  // Readings carry their device times; the windows are driven here, not by a timer.
  const recorder = new Recorder(store, { setTimer: () => ({ cancel: () => undefined }) });
  const { id } = store.start(START);
  const windows = (minutes * 60_000) / WINDOW_MS;
  const perWindow = (RATE_HZ * WINDOW_MS) / 1000;
  let samples = 0;
  let seq = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let w = 0; w < windows; w++) {
    const windowStart = t0 + w * WINDOW_MS;
    const readings: Reading[] = [];
    for (let p = 0; p < perWindow; p += PACKET) {
      const startMs = windowStart + (p * 1000) / RATE_HZ;
      for (let l = 0; l < LEADS.length; l++) {
        const values = new Array<number>(PACKET);
        for (let i = 0; i < PACKET; i++) {
          const s = (startMs - t0) / 1000 + i / RATE_HZ;
          const v =
            (0.3 + l / 20) * Math.sin(2 * Math.PI * 1.2 * s) +
            0.8 * Math.exp(-((((s * 1.2) % 1) - 0.4) ** 2) * 2000);
          values[i] = exact3 ? Math.round(v * 1000) / 1000 : v;
        }
        readings.push({
          type: 'waveform',
          device: 'openbci-cyton@/dev/ttyUSB1',
          metric: `MDC_ECG_ELEC_POTL_${LEADS[l]}` as MetricId,
          unit: 'mV',
          rateHz: RATE_HZ,
          start: new Date(startMs).toISOString(),
          samples: values,
        });
        samples += PACKET;
      }
    }
    if (w % 2 === 0) {
      const second = (windowStart - t0) / 1000;
      for (const [metric, unit, value] of NUMERICS) {
        readings.push({
          type: 'numeric',
          device: 'monitor@/dev/ttyUSB0',
          metric,
          unit,
          value: value(second),
          time: new Date(windowStart).toISOString(),
        });
        samples += 1;
      }
    }
    recorder.onReadings({ seq: seq++, readings });
    if (!recorder.flush())
      throw new Error(`window ${w} not committed: ${recorder.statistics.failing ?? '?'}`);
  }
  const wallS = (performance.now() - wall0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  store.end(id);

  const exports: RecordsBenchResult['exports'] = [];
  const missingExports: ExportFormat[] = [];
  for (const format of withExports ? (['fhir-json', 'report-pdf'] as const) : []) {
    const maker = DEFAULT_EXPORT_FORMATS[format];
    if (maker === undefined) {
      missingExports.push(format);
      continue;
    }
    const source = new DatabaseExportSource(store, id, { name: 'Teleconsult Station', version: 'bench' });
    const started = performance.now();
    const file = await maker(source, { language: 'fr', generatedAt: new Date(t0 + minutes * 60_000) });
    exports.push({ format, ms: performance.now() - started, bytes: file.bytes.length });
  }
  recorder.close();
  store.close();
  const path = join(dir, RECORDS_FILE);
  const dbBytes = statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
  const reopen0 = performance.now();
  const reopened = openRecords({ dir, settings: new MemorySettingsStore() });
  const reopenMs = performance.now() - reopen0;
  reopened.close();
  // quick_check alone, on a connection of its own: SQLite's page cache cold, as at a start.
  const raw = openEncryptedDatabase(path, keyFileProvider(join(dir, KEY_FILE)).load(true).key);
  const check0 = performance.now();
  checkRecordsIntegrity(raw, 'quick');
  const quickCheckMs = performance.now() - check0;
  raw.close();
  const fresh = openEncryptedDatabase(path, keyFileProvider(join(dir, KEY_FILE)).load(true).key);
  const full0 = performance.now();
  checkRecordsIntegrity(fresh, 'full');
  const integrityCheckMs = performance.now() - full0;
  fresh.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    label: exact3 ? 'ECG in mV to 3 decimals' : 'ECG as raw doubles',
    minutes,
    samples,
    wallS,
    cpuMs: (cpu.user + cpu.system) / 1000,
    dbBytes,
    exports,
    missingExports,
    reopenMs,
    quickCheckMs,
    integrityCheckMs,
  };
}

export function printRecords(results: readonly RecordsBenchResult[]): void {
  console.log('\nConsultation records (encrypted SQLite, one transaction per 0.5 s window):');
  for (const r of results) {
    const mb = r.dbBytes / 1024 / 1024;
    console.log(
      `  ${r.label}: ${r.minutes} min of 12 leads × ${RATE_HZ} Hz + 5 numerics at 1 Hz = ${r.samples} samples ` +
        `written in ${fmt(r.wallS, 1)} s → ${fmt(r.samples / r.wallS / 1e6, 2)} M samples/s, ` +
        `${fmt(mb / r.wallS, 1)} MB/s; database ${fmt(mb, 1)} MB = ${fmt((mb * 60) / r.minutes, 1)} MB per hour recorded; ` +
        `CPU ${fmt(r.cpuMs / (r.minutes * 60), 2)} ms per recorded second; ` +
        `${fmt((r.wallS * 1000 * WINDOW_MS) / (r.minutes * 60_000), 2)} ms per window commit`,
    );
    console.log(
      `    reopen (quick_check included): ${fmt(r.reopenMs, 0)} ms; quick_check alone, fresh connection: ${fmt(r.quickCheckMs, 0)} ms; ` +
        `integrity_check (equipment check): ${fmt(r.integrityCheckMs, 0)} ms`,
    );
    for (const e of r.exports)
      console.log(`    export ${e.format}: ${fmt(e.ms, 0)} ms, ${fmt(e.bytes / 1024 / 1024, 2)} MB`);
    if (r.missingExports.length > 0) console.log(`    exports not built yet: ${r.missingExports.join(', ')}`);
  }
}
