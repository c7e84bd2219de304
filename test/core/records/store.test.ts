import { ConsultationStore } from '../../../src/core/records/consultation-store';
import { DatabaseExportSource } from '../../../src/core/records/database-export-source';
import { openEncryptedDatabase } from '../../../src/core/records/database/sqlite-driver';
import { Recorder } from '../../../src/core/records/recorder';
import { join } from 'node:path';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { manualClock, OXIMETER, oximeterSecond, tempDir } from './records-test-kit';

const DAY = 86_400_000;

describe('ConsultationStore', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  const openStore = (now: () => number, retentionDays = 30) =>
    ConsultationStore.open(openEncryptedDatabase(join(temp.dir, 'r.db'), new Uint8Array(32).fill(9)), {
      now,
      retentionDays: () => retentionDays,
    });

  it('the audit log is append-only in SQL: UPDATE and DELETE raise, even from inside the app', () => {
    const store = openStore(Date.now);
    expect(store.auditList()).not.toHaveLength(0);
    expect(() => store.database.prepare(`UPDATE audit SET actor = 'mallory'`).run()).toThrow(/append-only/);
    expect(() => store.database.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(store.auditList().every((a) => a.actor !== 'mallory')).toBe(true);
    store.close();
  });

  it('purges records older than the retention period with their media, at open and on demand, one audit row each', () => {
    const clock = manualClock();
    const store = openStore(clock.now, 30);
    const old = store.start(CONSULTATION_START);
    store.attach(old.id, {
      kind: 'snapshot',
      mime: 'image/jpeg',
      bytes: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 1, 2, 3),
      takenAt: '2026-11-25T09:30:00.000Z',
    });
    store.end(old.id);
    clock.advance(20 * DAY);
    const recent = store.start(CONSULTATION_START);
    store.end(recent.id);
    clock.advance(5 * DAY);
    expect(store.purgeExpired()).toBe(0);
    clock.advance(6 * DAY); // the first is now 31 days old
    store.close();

    const reopened = openStore(clock.now, 30); // purges at open
    expect(reopened.list().map((c) => c.id)).toEqual([recent.id]);
    expect(reopened.database.prepare('SELECT count(*) AS n FROM media').get()).toEqual({ n: 0 });
    const purge = reopened.auditList().filter((a) => a.action === 'consultation.purge');
    expect(purge).toEqual([expect.objectContaining({ consultationId: old.id, actor: 'system' })]);
    clock.advance(30 * DAY);
    expect(reopened.purgeExpired()).toBe(1);
    expect(reopened.list()).toEqual([]);
    reopened.close();
  });

  it('never purges the active consultation', () => {
    const clock = manualClock();
    const store = openStore(clock.now, 1);
    store.start(CONSULTATION_START);
    clock.advance(3 * DAY);
    expect(store.purgeExpired()).toBe(0);
    store.close();
  });

  it('reads waveforms back losslessly as contiguous segments, split at a gap, trimmed to the range', () => {
    const clock = manualClock();
    const store = openStore(clock.now);
    const recorder = new Recorder(store);
    const { id } = store.start(CONSULTATION_START);
    const t0 = clock.now();
    const second = (ms: number) => oximeterSecond(ms).filter((r) => r.type === 'waveform');
    // two contiguous seconds (in separate windows), a 2 s gap (probe off), one more second
    recorder.onReadings({ seq: 0, readings: second(t0) });
    recorder.flush();
    recorder.onReadings({ seq: 1, readings: second(t0 + 1000) });
    recorder.onReadings({ seq: 2, readings: second(t0 + 4000) });
    recorder.flush();
    const ecg = [0.123, -1.5, null, 2.25, 0.001];
    recorder.onReadings({
      seq: 3,
      readings: [
        {
          type: 'waveform',
          device: 'e@1',
          metric: 'MDC_ECG_ELEC_POTL_II',
          unit: 'mV',
          rateHz: 250,
          start: new Date(t0).toISOString(),
          samples: ecg,
        },
      ],
    });
    recorder.flush();
    store.end(id);

    const source = new DatabaseExportSource(store, id, { name: 'test', version: '0' });
    const segments = source.waveform(OXIMETER, 'MDC_PULS_OXIM_PLETH', t0, t0 + 10_000);
    expect(segments.map((s) => [s.startMs - t0, s.samples.length])).toEqual([
      [0, 120],
      [4000, 60],
    ]);
    expect(segments[0]?.samples.slice(0, 60)).toEqual((second(t0)[0] as { samples: number[] }).samples);
    const trimmed = source.waveform(OXIMETER, 'MDC_PULS_OXIM_PLETH', t0 + 500, t0 + 1500);
    expect(trimmed.map((s) => [s.startMs - t0, s.samples.length])).toEqual([[500, 60]]);
    expect(source.waveform('e@1', 'MDC_ECG_ELEC_POTL_II', t0, t0 + 1000)[0]?.samples).toEqual(ecg);
    expect([...source.numerics()]).toHaveLength(0);
    store.close();
  });

  it('the export source lists numerics in time order, with nulls kept', () => {
    const clock = manualClock();
    const store = openStore(clock.now);
    const recorder = new Recorder(store);
    const { id } = store.start(CONSULTATION_START);
    const t = (ms: number) => new Date(clock.now() + ms).toISOString();
    recorder.onReadings({
      seq: 0,
      readings: [
        {
          type: 'numeric',
          device: 'd@1',
          metric: 'MDC_PULS_OXIM_SAT_O2',
          unit: '%',
          value: 98,
          time: t(2000),
        },
        {
          type: 'numeric',
          device: 'd@1',
          metric: 'MDC_PULS_OXIM_SAT_O2',
          unit: '%',
          value: null,
          time: t(1000),
        },
        { type: 'status', device: 'd@1', flags: ['probe-off'], time: t(1000) },
      ],
    });
    recorder.flush();
    const source = new DatabaseExportSource(store, id, { name: 'test', version: '0' });
    expect([...source.numerics()].map((n) => [n.value, n.time])).toEqual([
      [null, t(1000)],
      [98, t(2000)],
    ]);
    expect(source.detail.metrics[0]).toMatchObject({ count: 1, last: { value: 98 } });
    store.close();
  });

  it('lists each consultation with the last value of each metric (any device, nulls out, first-come order)', () => {
    const clock = manualClock();
    const store = openStore(clock.now);
    const recorder = new Recorder(store);
    const { id } = store.start(CONSULTATION_START);
    const t = (ms: number) => new Date(clock.now() + ms).toISOString();
    const numeric = (
      device: string,
      metric: 'MDC_PULS_OXIM_SAT_O2' | 'MDC_PULS_OXIM_PULS_RATE',
      unit: string,
      value: number | null,
      ms: number,
    ) => ({ type: 'numeric', device, metric, unit, value, time: t(ms) }) as const;
    recorder.onReadings({
      seq: 0,
      readings: [
        numeric('d@1', 'MDC_PULS_OXIM_SAT_O2', '%', 95, 1000),
        numeric('d@1', 'MDC_PULS_OXIM_PULS_RATE', '/min', 70, 1000),
        numeric('d@1', 'MDC_PULS_OXIM_SAT_O2', '%', 97, 3000),
        numeric('d@2', 'MDC_PULS_OXIM_SAT_O2', '%', 96, 2000),
        numeric('d@1', 'MDC_PULS_OXIM_PULS_RATE', '/min', null, 4000),
      ],
    });
    recorder.flush();
    const listed = store.list().find((c) => c.id === id);
    expect(listed?.latest).toEqual([
      { metric: 'MDC_PULS_OXIM_SAT_O2', unit: '%', value: 97 },
      { metric: 'MDC_PULS_OXIM_PULS_RATE', unit: '/min', value: 70 },
    ]);
    // Only the list carries them: a summary elsewhere (banner, export) is what was saved.
    expect(store.detail(id).summary.latest).toBeUndefined();
    store.close();
  });
});
