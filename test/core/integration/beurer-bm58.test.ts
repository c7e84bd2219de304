import { beurerBm58 } from '../../../src/devices/beurer-bm58';
import { describeWithSocat, deviceInfo, withSimulatedDevice } from '../../helpers/device-integration';
import { waitFor } from '../../helpers/pty';

/**
 * Beurer BM58 (5 stored measurements): the session runs the download conversation — handshake,
 * count, one record request at a time — and, on this first download of the device, publishes only
 * the newest measurement as three readings sharing the measurement's own time.
 */
const BP = ['MDC_PRESS_BLD_NONINV_SYS', 'MDC_PRESS_BLD_NONINV_DIA', 'MDC_PULS_RATE_NON_INV'] as const;

describeWithSocat('Beurer BM58 simulator → pty → serialport → backend (integration)', () => {
  it('downloads every stored measurement, imports only the newest, with its own time', async () => {
    await withSimulatedDevice(beurerBm58, { seed: 5 }, async ({ backend, frames, readings }) => {
      await waitFor(() => readings.length >= BP.length, 4000, 'the newest measurement');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const sent = frames.filter((f) => BP[0] in f);
      expect(sent).toHaveLength(5);
      expect(readings).toHaveLength(BP.length);
      const numerics = readings.flatMap((r) => (r.type === 'numeric' ? [r] : []));
      // Values the simulator sent, all with one time: the latest of the stored measurements.
      expect(sent.map((f) => BP.map((m) => [m, f[m]]))).toContainEqual(
        numerics.map((r) => [r.metric, r.value]),
      );
      expect(new Set(numerics.map((r) => r.time)).size).toBe(1);
      expect(numerics[0].time.startsWith('2026-11-2')).toBe(true);
      expect(await deviceInfo(backend)).toMatchObject({ droppedFrames: 0, error: null });
    });
  });
});
