import { join } from 'node:path';
import { renderReportPdf } from '../../../src/core/exports/report/render-report-pdf';
import { ConsultationStore } from '../../../src/core/records/consultation-store';
import { DatabaseExportSource } from '../../../src/core/records/database-export-source';
import { openEncryptedDatabase } from '../../../src/core/records/database/sqlite-driver';
import { Recorder } from '../../../src/core/records/recorder';
import type { TimelineEvent } from '../../../src/shared/domain/consultation';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { parsePdfs, plainText } from '../exports/report/pdf-text';
import { failingDisk, manualClock, OXIMETER, oximeterSecond, tempDir } from './records-test-kit';

/**
 * Technical incidents reach the record (issue 11, CSP R6316-4): device losses with their reason
 * and the simulator flag, and recording failures with the gap they left and the readings lost,
 * even when the failing disk refused the first word of it.
 */

const device = (state: DeviceInfo['state'], change: Partial<DeviceInfo> = {}): DeviceInfo => ({
  id: OXIMETER,
  protocol: 'contec-cms50-v7',
  name: 'Contec CMS50D+',
  transport: 'serial',
  path: '/dev/ttyUSB0',
  state,
  error: null,
  simulated: true,
  lastReadingAt: null,
  droppedFrames: 0,
  ...change,
});

type Kind<K extends TimelineEvent['kind']> = Extract<TimelineEvent, { kind: K }>;

describe('incidents in the record', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  function setup(maxBufferedSamples?: number) {
    const clock = manualClock();
    const disk = failingDisk(openEncryptedDatabase(join(temp.dir, 'r.db'), new Uint8Array(32).fill(3)));
    const store = ConsultationStore.open(disk.db, { now: clock.now });
    const timers: (() => void)[] = [];
    const recorder = new Recorder(store, {
      now: clock.now,
      log: () => undefined,
      ...(maxBufferedSamples === undefined ? {} : { maxBufferedSamples }),
      setTimer: (fn) => {
        timers.push(fn);
        return { cancel: () => undefined };
      },
    });
    const { id } = store.start(CONSULTATION_START);
    const fire = (): void => {
      for (const timer of timers.splice(0)) timer();
    };
    const second = (): void => recorder.onReadings({ seq: 0, readings: oximeterSecond(clock.now()) });
    const events = <K extends TimelineEvent['kind']>(kind: K): Kind<K>[] =>
      store.detail(id).timeline.filter((e): e is Kind<K> => e.kind === kind);
    return { clock, disk, store, recorder, id, fire, second, events };
  }

  it('a device lost and back: why it went, and that it is our simulator', () => {
    const { clock, recorder, events, store } = setup();
    recorder.onDeviceState(device('streaming'));
    clock.advance(5000);
    recorder.onDeviceState(
      device('disconnected', { error: { code: 'disconnected', message: 'the port closed: unplugged' } }),
    );
    clock.advance(5000);
    recorder.onDeviceState(device('streaming'));
    expect(events('device')).toEqual([
      expect.objectContaining({ state: 'connected', simulated: true }),
      expect.objectContaining({ state: 'disconnected', reason: 'disconnected', simulated: true }),
      expect.objectContaining({ state: 'connected', simulated: true }),
    ]);
    expect(events('device')[0]).not.toHaveProperty('reason');
    store.close();
  });

  it('disk full: the failure cannot be written, its end says when it began and what was lost', () => {
    const { clock, disk, store, recorder, fire, second, events } = setup(100);
    second();
    fire();
    const failedAt = new Date(clock.now() + 1000).toISOString();
    disk.full = true;
    clock.advance(1000);
    second();
    fire(); // fails: the 'failing' entry is refused by the full disk as well
    clock.advance(1000);
    second(); // 124 buffered > 100: the oldest readings go
    fire();
    expect(events('recording')).toEqual([]);
    disk.full = false;
    clock.advance(3000);
    second();
    fire();
    const lost = recorder.health().droppedReadings;
    expect(lost).toBeGreaterThan(0);
    expect(events('recording')).toEqual([
      {
        kind: 'recording',
        time: new Date(clock.now()).toISOString(),
        state: 'resumed',
        code: 'disk-full',
        since: failedAt,
        droppedReadings: lost,
      },
    ]);
    store.close();
  });

  it('a write error the database still records: failing at once, with the readings it lost, then resumed', async () => {
    const { clock, store, recorder, fire, second, events, id } = setup();
    recorder.onDeviceState(device('streaming'));
    const realRecordBatch = store.recordBatch.bind(store);
    let batchesFail = true;
    jest.spyOn(store, 'recordBatch').mockImplementation((consultation, batch) => {
      if (batchesFail) throw new Error('constraint failed');
      realRecordBatch(consultation, batch);
    });
    clock.advance(1000);
    second();
    fire();
    batchesFail = false;
    clock.advance(2000);
    second();
    fire();
    const failing = '2026-11-25T09:30:01.000Z';
    expect(events('recording')).toEqual([
      {
        kind: 'recording',
        time: failing,
        state: 'failing',
        code: 'write-error',
        since: failing,
        droppedReadings: 62,
      },
      {
        kind: 'recording',
        time: '2026-11-25T09:30:03.000Z',
        state: 'resumed',
        code: 'write-error',
        since: failing,
        droppedReadings: 62,
      },
    ]);

    // The report made from this record tells both, and the simulator's banner.
    store.end(id);
    const pdf = await renderReportPdf(new DatabaseExportSource(store, id, { name: 'test', version: '0' }), {
      language: 'en',
      generatedAt: new Date('2026-11-25T10:00:00.000Z'),
      timeZone: 'UTC',
    });
    const text = plainText(parsePdfs([pdf])[0]);
    expect(text).toContain('09:30:01 Readings not saved (write error): 62 readings lost');
    expect(text).toContain(
      '09:30:03 Readings saved again after a failure since 09:30:01 (write error): 62 readings lost',
    );
    expect(text).toContain('SIMULATED — readings from a device simulator');
    expect(text).toContain('Contec CMS50 pulse oximeter (SIMULATED)');
    store.close();
  });
});
