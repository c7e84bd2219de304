import { ecgBatches, measureBytes, oximeterBatches } from '../../../bench/vitals-channel';
import { VITALS_BATCHING } from '../../../src/shared/vitals/batching';

/**
 * The shipped batching (one configuration for the station and the bench): its byte targets hold on
 * the bench's streams — bytes, not time, so this is a deterministic check, not a timed one. The
 * doctor's-side figure of a real call is `npm run bench -- call`.
 */
describe('vitals batching configuration', () => {
  it('batches within a window that the screen does not notice, with a backfill after the ack interval', () => {
    expect(VITALS_BATCHING.batchWindowMs).toBeGreaterThan(0);
    expect(VITALS_BATCHING.batchWindowMs).toBeLessThanOrEqual(100);
    // The receiver acks within 250 ms of a delivery: a backfill sooner would double a healthy link.
    expect(VITALS_BATCHING.backfillAfterMs).toBeGreaterThan(250);
    expect(VITALS_BATCHING.backfillAfterMs).toBeLessThanOrEqual(1000);
  });

  it('meets the payload targets: one oximeter ≤ 4 kbit/s, a 3-lead ECG ≤ 12 kbit/s, nothing backfilled', () => {
    const oximeter = measureBytes('oximeter', 4, oximeterBatches(), VITALS_BATCHING.batchWindowMs);
    const ecg = measureBytes('ecg', 12, ecgBatches(), VITALS_BATCHING.batchWindowMs);
    expect(oximeter.kbps).toBeLessThanOrEqual(4);
    expect(ecg.kbps).toBeLessThanOrEqual(12);
    expect(oximeter.backfilled + ecg.backfilled).toBe(0);
    // Per message on the wire: no window meant 50 a second for one oximeter.
    expect(oximeter.messagesPerS).toBeLessThanOrEqual(1000 / VITALS_BATCHING.batchWindowMs + 1);
  });
});
