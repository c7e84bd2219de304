import { CONSULTATION_START } from '../../helpers/consultation-start';
import { manualClock, openTestRecords, tempDir } from './records-test-kit';

/**
 * The record's per-metric summary (record screen, report) counts an episodic metric's
 * measurements, not its rows; a continuous metric's readings as before.
 */
describe('metric summaries of episodic and continuous metrics', () => {
  it('a held cuff result repeated in the rows is one measurement; SpO2 counts every reading', () => {
    const temp = tempDir();
    const clock = manualClock();
    const store = openTestRecords(temp.dir, clock.now);
    try {
      const { id } = store.start(CONSULTATION_START);
      const t0 = clock.now();
      const device = 'philips-intellivue-mib@/dev/ttyUSB1';
      // As an older station wrote it: the held result once per poll, all with the cuff's time.
      const held = Array.from({ length: 60 }, () => ({
        device,
        metric: 'MDC_PRESS_BLD_NONINV_SYS',
        unit: 'mm[Hg]',
        value: 111,
        timeMs: t0 + 1000,
      }));
      const spo2 = Array.from({ length: 60 }, (_, s) => ({
        device,
        metric: 'MDC_PULS_OXIM_SAT_O2',
        unit: '%',
        value: 97,
        timeMs: t0 + s * 1000,
      }));
      store.recordBatch(id, {
        numerics: [
          ...held,
          { device, metric: 'MDC_PRESS_BLD_NONINV_SYS', unit: 'mm[Hg]', value: 124, timeMs: t0 + 61_000 },
          ...spo2,
        ],
        chunks: [],
      });
      const metrics = store.detail(id).metrics;
      expect(metrics.find((m) => m.metric === 'MDC_PRESS_BLD_NONINV_SYS')).toMatchObject({
        count: 2,
        min: { value: 111 },
        max: { value: 124 },
        last: { value: 124, time: new Date(t0 + 61_000).toISOString() },
      });
      expect(metrics.find((m) => m.metric === 'MDC_PULS_OXIM_SAT_O2')?.count).toBe(60);
    } finally {
      store.close();
      temp.cleanup();
    }
  });
});
