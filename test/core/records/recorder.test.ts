import { join } from 'node:path';
import { ConsultationStore } from '../../../src/core/records/consultation-store';
import { openEncryptedDatabase } from '../../../src/core/records/database/sqlite-driver';
import { Recorder } from '../../../src/core/records/recorder';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { manualClock, OXIMETER, oximeterSecond, tempDir } from './records-test-kit';

const info = (state: DeviceInfo['state']): DeviceInfo => ({
  id: OXIMETER,
  protocol: 'contec-cms50-v7',
  name: 'Contec CMS50D+',
  transport: 'serial',
  path: '/dev/ttyUSB0',
  state,
  error: null,
  simulated: false,
  lastReadingAt: null,
  droppedFrames: 0,
});

describe('Recorder', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  const open = (now: () => number) =>
    ConsultationStore.open(openEncryptedDatabase(join(temp.dir, 'r.db'), new Uint8Array(32).fill(1)), {
      now,
    });

  it('connect and disconnect become timeline entries once each, only during a consultation', () => {
    const clock = manualClock();
    const store = open(clock.now);
    const recorder = new Recorder(store);
    recorder.onDeviceState(info('streaming')); // before: not recorded
    recorder.onDeviceState(info('disconnected'));
    const { id } = store.start(CONSULTATION_START);
    for (const state of ['connecting', 'streaming', 'no-data', 'streaming', 'disconnected', 'error'] as const)
      recorder.onDeviceState(info(state));
    const timeline = store.detail(id).timeline.filter((e) => e.kind === 'device');
    expect(timeline.map((e) => (e.kind === 'device' ? e.state : ''))).toEqual(['connected', 'disconnected']);
    expect(store.detail(id).devices).toEqual([
      { id: OXIMETER, name: 'Contec CMS50D+', protocol: 'contec-cms50-v7' },
    ]);
    store.close();
  });

  it('commits one window with its own timer, merging each channel into one chunk', () => {
    const clock = manualClock();
    const store = open(clock.now);
    const timers: (() => void)[] = [];
    const recorder = new Recorder(store, {
      setTimer: (fn) => {
        timers.push(fn);
        return { cancel: () => undefined };
      },
    });
    const { id } = store.start(CONSULTATION_START);
    const t0 = clock.now();
    // one second of pleth in ten 6-sample packets, as a device delivers it
    for (let p = 0; p < 10; p++) {
      const [, , wave] = oximeterSecond(t0);
      if (wave?.type !== 'waveform') throw new Error('fixture');
      recorder.onReadings({
        seq: p,
        readings: [
          {
            ...wave,
            start: new Date(t0 + p * 100).toISOString(),
            samples: wave.samples.slice(p * 6, p * 6 + 6),
          },
        ],
      });
    }
    expect(timers).toHaveLength(1); // one window scheduled, not one per batch
    expect(store.current()?.counts.waveformSamples).toBe(0);
    timers[0]?.();
    expect(store.current()?.counts.waveformSamples).toBe(60);
    expect(store.database.prepare('SELECT count(*) AS n FROM waveform_chunks').get()).toEqual({ n: 1 });
    expect(recorder.statistics).toMatchObject({ committedBatches: 1, committedSamples: 60 });
    store.end(id);
    store.close();
  });
});
