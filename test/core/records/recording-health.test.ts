import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsultationStore } from '../../../src/core/records/consultation-store';
import { openEncryptedDatabase } from '../../../src/core/records/database/sqlite-driver';
import { DEFAULT_EXPORT_FORMATS } from '../../../src/core/records/default-export-formats';
import { RECORDS_FILE } from '../../../src/core/records/open-records';
import { createRecordsRuntime } from '../../../src/core/records/records-runtime';
import { RecordsError } from '../../../src/core/records/records-error';
import type { ConsultationSummary, RecordingHealth } from '../../../src/shared/domain/consultation';
import { consultationSummarySchema } from '../../../src/shared/domain/consultation';
import type { ReadingBatch } from '../../../src/shared/domain/readings';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { failingDisk, manualClock, openTestRecords, oximeterSecond, tempDir } from './records-test-kit';

/** One oximeter second: 2 numeric values + 60 pleth samples. */
const PER_SECOND = 62;

/** The records runtime over `store`, with the recorder's windows fired by the test, and its events kept. */
function runtimeOver(
  store: ConsultationStore,
  clock: ReturnType<typeof manualClock>,
  maxBufferedSamples?: number,
) {
  const timers: { fn: () => void; cancelled: boolean }[] = [];
  const events: (ConsultationSummary | null)[] = [];
  let push: (batch: ReadingBatch) => void = () => undefined;
  const runtime = createRecordsRuntime({
    records: store,
    exports: DEFAULT_EXPORT_FORMATS,
    station: { name: 'test', version: '0.0.0' },
    now: clock.now,
    devices: () => [],
    subscribeReadings: (listener) => {
      push = listener;
      return () => undefined;
    },
    subscribeDeviceState: () => () => undefined,
    changed: (summary) => events.push(consultationSummarySchema.nullable().parse(summary)),
    log: () => undefined,
    recorder: {
      ...(maxBufferedSamples === undefined ? {} : { maxBufferedSamples }),
      setTimer: (fn) => {
        const timer = { fn, cancelled: false };
        timers.push(timer);
        return { cancel: () => (timer.cancelled = true) };
      },
    },
  });
  let seq = 0;
  return {
    runtime,
    events,
    /** The recording health of the last `consultation.changed`. */
    lastHealth: (): RecordingHealth | undefined => events.at(-1)?.recording,
    second(offsetS: number) {
      push({ seq: seq++, readings: oximeterSecond(clock.now() + offsetS * 1000) });
    },
    /** Ends the pending windows (and throttled notices), as their timers would. */
    fire() {
      for (const timer of timers.splice(0)) if (!timer.cancelled) timer.fn();
    },
    current: () => runtime.handlers['consultation.current']({}),
  };
}

describe('recording health: the station says when readings stop reaching the disk', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  it('disk full (SQLITE_FULL): failing with code disk-full and counts, then ok once space is back', async () => {
    const clock = manualClock();
    const disk = failingDisk(openEncryptedDatabase(join(temp.dir, RECORDS_FILE), new Uint8Array(32).fill(5)));
    const kit = runtimeOver(ConsultationStore.open(disk.db, { now: clock.now }), clock);
    await kit.runtime.handlers['consultation.start'](CONSULTATION_START);
    expect(kit.lastHealth()).toEqual({
      state: 'ok',
      code: null,
      since: null,
      message: '',
      bufferedReadings: 0,
      droppedReadings: 0,
    });
    kit.second(0);
    kit.fire();

    disk.full = true;
    const before = kit.events.length;
    clock.advance(1000);
    kit.second(1);
    kit.fire();
    expect(kit.events).toHaveLength(before + 1); // the transition, once
    expect(kit.lastHealth()).toMatchObject({
      state: 'failing',
      code: 'disk-full',
      since: new Date(clock.now()).toISOString(),
      bufferedReadings: PER_SECOND,
      droppedReadings: 0,
    });
    expect(kit.lastHealth()?.message).toMatch(
      /^Disk full: 62 readings kept in memory \(0 s\) and saved when space is freed/,
    );

    clock.advance(12_000);
    kit.second(2);
    kit.fire(); // still failing: no new event, but current() says how much waits and since when
    expect(kit.events).toHaveLength(before + 1);
    const current = await kit.current();
    expect(current?.recording).toMatchObject({ state: 'failing', bufferedReadings: 2 * PER_SECOND });
    expect(current?.recording?.message).toMatch(/124 readings kept in memory \(12 s\)/);
    expect(current?.counts.numerics).toBe(2); // what is committed still answers

    disk.full = false;
    kit.fire();
    expect(kit.events).toHaveLength(before + 2);
    expect(kit.lastHealth()).toMatchObject({
      state: 'ok',
      code: null,
      bufferedReadings: 0,
      droppedReadings: 0,
    });
    expect(kit.events.at(-1)?.counts.numerics).toBe(6); // nothing lost
    kit.runtime.close();
  });

  it('buffer overflow: the loss is counted and reported at most once a second, and known after recovery', async () => {
    const clock = manualClock();
    const disk = failingDisk(openEncryptedDatabase(join(temp.dir, RECORDS_FILE), new Uint8Array(32).fill(6)));
    const kit = runtimeOver(ConsultationStore.open(disk.db, { now: clock.now }), clock, 100);
    await kit.runtime.handlers['consultation.start'](CONSULTATION_START);
    disk.full = true;
    kit.second(0);
    kit.fire();
    const failedAt = kit.events.length;
    expect(kit.lastHealth()).toMatchObject({ state: 'failing', droppedReadings: 0 });

    // Three more seconds within the same second of the clock: readings are lost, one update waits.
    for (let s = 1; s <= 3; s++) kit.second(s);
    expect(kit.events).toHaveLength(failedAt);
    clock.advance(1000);
    kit.fire();
    expect(kit.events).toHaveLength(failedAt + 1);
    const health = kit.lastHealth();
    expect(health).toMatchObject({ state: 'failing', code: 'disk-full' });
    const lost = health?.droppedReadings ?? 0;
    expect(lost).toBeGreaterThan(0);
    expect((health?.bufferedReadings ?? 0) + lost).toBe(4 * PER_SECOND);
    expect(health?.message).toMatch(new RegExp(`; ${lost} readings lost`));

    disk.full = false;
    kit.fire();
    expect(kit.lastHealth()).toMatchObject({ state: 'ok', droppedReadings: lost });
    kit.runtime.close();
  });

  it('disk full on a real tiny tmpfs: failing with disk-full, then ok once the filler is removed', async () => {
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
      const kit = runtimeOver(openTestRecords(mountDir, clock.now), clock);
      await kit.runtime.handlers['consultation.start'](CONSULTATION_START);
      const filler = join(mountDir, 'filler');
      const free = statfsSync(mountDir);
      writeFileSync(filler, Buffer.alloc(free.bavail * free.bsize - 96 * 1024));
      let seconds = 0;
      while (seconds < 400 && kit.lastHealth()?.state !== 'failing') {
        kit.second(seconds++);
        kit.fire();
      }
      expect(kit.lastHealth()).toMatchObject({
        state: 'failing',
        code: 'disk-full',
        bufferedReadings: PER_SECOND,
        droppedReadings: 0,
      });
      rmSync(filler);
      kit.fire();
      expect(kit.lastHealth()).toMatchObject({ state: 'ok', droppedReadings: 0 });
      expect(kit.events.at(-1)?.counts.numerics).toBe(seconds * 2);
      kit.runtime.close();
    } finally {
      execFileSync('umount', ['-l', mountDir], { stdio: 'ignore' });
    }
  });

  it("an earlier patient's unsaved readings are saved to that patient's record, never the next one's", async () => {
    const clock = manualClock();
    const store = openTestRecords(temp.dir, clock.now);
    const kit = runtimeOver(store, clock);
    const realRecordBatch = store.recordBatch.bind(store);
    let batchesFail = true; // only the readings' writes fail: a nearly full disk still takes small ones
    jest.spyOn(store, 'recordBatch').mockImplementation((id, batch) => {
      if (batchesFail) throw new RecordsError('disk-full', 'the disk is full');
      realRecordBatch(id, batch);
    });
    const first = await kit.runtime.handlers['consultation.start'](CONSULTATION_START);
    kit.second(0);
    kit.fire();
    await kit.runtime.handlers['consultation.end']({ id: first.id });
    const second = await kit.runtime.handlers['consultation.start'](CONSULTATION_START);
    kit.second(1);
    kit.fire();
    expect((await kit.current())?.recording).toMatchObject({
      state: 'failing',
      bufferedReadings: 2 * PER_SECOND, // the first patient's second, kept apart, and this one's
    });

    batchesFail = false;
    kit.second(2);
    kit.fire();
    const counts = async (id: string) =>
      (await kit.runtime.handlers['consultation.get']({ id })).summary.counts;
    expect(await counts(first.id)).toMatchObject({ numerics: 2, waveformSamples: 60 });
    expect(await counts(second.id)).toMatchObject({ numerics: 4, waveformSamples: 120 });
    expect(kit.lastHealth()).toMatchObject({ state: 'ok', droppedReadings: 0 });
  });
});
