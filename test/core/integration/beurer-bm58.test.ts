import { createBackend } from '../../../src/core/backend';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice } from '../../../src/core/sim/simulated-device';
import { beurerBm58 } from '../../../src/devices/beurer-bm58';
import type { SimulatedValues } from '../../../src/devices/driver';
import type { Reading } from '../../../src/shared/domain/readings';
import { hasSocat, waitFor } from '../../helpers/pty';

/**
 * Real parts end to end: the BM58 simulator (5 stored measurements) answers on one end of a socat
 * pty pair; the backend's session runs the download conversation over the other end — handshake,
 * count, one record request at a time — and publishes each measurement as three readings sharing
 * the measurement's own time.
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;
const PROTOCOL = 'beurer-bm58';
const BP = ['MDC_PRESS_BLD_NONINV_SYS', 'MDC_PRESS_BLD_NONINV_DIA', 'MDC_PULS_RATE_NON_INV'] as const;

describeWithSocat('Beurer BM58 simulator → pty → serialport → backend (integration)', () => {
  it('downloads every stored measurement once, with its own time', async () => {
    const device = await startSimulatedDevice(PROTOCOL, { seed: 5, driver: beurerBm58 });
    const sent: SimulatedValues[] = [];
    device.onOutput((out) => sent.push(...out.frames.filter((f) => BP[0] in f)));
    const backend = createBackend({
      host: 'node',
      version: 'test',
      settings: new MemorySettingsStore(),
      resolveDriver: (protocol) => (protocol === PROTOCOL ? beurerBm58 : null),
    });
    const readings: Reading[] = [];
    backend.on('readings', (batch) => readings.push(...batch.readings));
    try {
      await backend.connectDevice({ path: device.path, protocol: PROTOCOL, simulated: true });
      await waitFor(() => readings.length >= 5 * BP.length, 4000, '5 measurements');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sent).toHaveLength(5);
      expect(readings).toHaveLength(5 * BP.length);
      const numerics = readings.flatMap((r) => (r.type === 'numeric' ? [r] : []));
      expect(numerics.map((r) => [r.metric, r.value])).toEqual(sent.flatMap((f) => BP.map((m) => [m, f[m]])));
      for (let i = 0; i < numerics.length; i += BP.length) {
        expect(new Set(numerics.slice(i, i + BP.length).map((r) => r.time)).size).toBe(1);
        expect(numerics[i].time.startsWith('2026-11-2')).toBe(true);
      }
      const [info] = await backend.api['devices.list']({});
      expect(info).toMatchObject({ droppedFrames: 0, error: null });
    } finally {
      await backend.close();
      await device.stop();
    }
  });
});
