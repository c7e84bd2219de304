import { createBackend } from '../../../src/core/backend';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice } from '../../../src/core/sim/simulated-device';
import type { SimulatedValues } from '../../../src/devices/driver';
import { masimoAscii } from '../../../src/devices/masimo-ascii';
import type { Reading } from '../../../src/shared/domain/readings';
import { hasSocat, waitFor } from '../../helpers/pty';

/**
 * Real parts end to end: the Masimo ASCII 1 simulator writes its lines through the real serial
 * binding into a socat pty pair; the backend opens the other end with the real binding, decodes
 * and publishes. No registry entry needed: the driver is passed in.
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;
const PROTOCOL = 'masimo-ascii';
const METRICS = ['MDC_PULS_OXIM_SAT_O2', 'MDC_PULS_OXIM_PULS_RATE', 'MDC_PULS_OXIM_PERF_REL'] as const;
const LINES = 3;

describeWithSocat('Masimo ASCII simulator → pty → serialport → backend (integration)', () => {
  it('delivers every line the simulator wrote: values, order and nulls', async () => {
    const device = await startSimulatedDevice(PROTOCOL, { seed: 7, driver: masimoAscii });
    const sent: SimulatedValues[] = [];
    device.onOutput((out) => sent.push(...out.frames));
    const backend = createBackend({
      host: 'node',
      version: 'test',
      settings: new MemorySettingsStore(),
      resolveDriver: (protocol) => (protocol === PROTOCOL ? masimoAscii : null),
    });
    const readings: Reading[] = [];
    backend.on('readings', (batch) => readings.push(...batch.readings));
    try {
      await backend.connectDevice({ path: device.path, protocol: PROTOCOL, simulated: true });
      const values = (metric: string) =>
        readings.flatMap((r) => (r.type === 'numeric' && r.metric === metric ? [r.value] : []));
      await waitFor(() => values(METRICS[0]).length >= LINES, 4000, `${LINES} lines`);

      // A line written before the station opened the port may be lost: align on the first received.
      const received = METRICS.map((metric) => values(metric).slice(0, LINES));
      const offset = sent.findIndex((_, k) =>
        METRICS.every((metric, m) => received[m].every((v, i) => sent[k + i]?.[metric] === v)),
      );
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(1);
      expect(readings.some((r) => r.type === 'status')).toBe(true);
      const [info] = await backend.api['devices.list']({});
      expect(info).toMatchObject({ state: 'streaming', droppedFrames: 0, error: null });
    } finally {
      await backend.close();
      await device.stop();
    }
  });
});
