import { createBackend } from '../../../src/core/backend';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice } from '../../../src/core/sim/simulated-device';
import type { SimulatedValues } from '../../../src/devices/driver';
import { ad8232Ascii } from '../../../src/devices/ad8232-ascii';
import type { Reading } from '../../../src/shared/domain/readings';
import { hasSocat, waitFor } from '../../helpers/pty';

/**
 * Real parts end to end: the AD8232 sketch simulator prints its lines through the real serial
 * binding into a socat pty pair; the backend opens the other end, decodes and publishes. The
 * sketch streams from power-on, so lines written before the station opened the port are lost and
 * the decoder discards the first line it sees: the received samples are a contiguous run of the
 * sent ones, starting within the first few lines.
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;
const PROTOCOL = 'ad8232-ascii';
const METRIC = 'MDC_ECG_ELEC_POTL';
const SAMPLES = 150;

describeWithSocat('AD8232 simulator → pty → serialport → backend (integration)', () => {
  it('delivers the values the simulator printed: values, order and nulls', async () => {
    const device = await startSimulatedDevice(PROTOCOL, { seed: 5, driver: ad8232Ascii });
    const sent: SimulatedValues[] = [];
    device.onOutput((out) => sent.push(...out.frames));
    const backend = createBackend({
      host: 'node',
      version: 'test',
      settings: new MemorySettingsStore(),
      resolveDriver: (protocol) => (protocol === PROTOCOL ? ad8232Ascii : null),
    });
    const readings: Reading[] = [];
    backend.on('readings', (batch) => readings.push(...batch.readings));
    try {
      await backend.connectDevice({ path: device.path, protocol: PROTOCOL, simulated: true });
      const samples = () => readings.flatMap((r) => (r.type === 'waveform' ? r.samples : []));
      await waitFor(() => samples().length >= SAMPLES, 4000, `${SAMPLES} samples`);

      const got = samples();
      const values = sent.map((f) => f[METRIC]);
      const offset = values.findIndex((_, k) => got.every((v, i) => values[k + i] === v));
      expect(offset).toBeGreaterThanOrEqual(0);
      // Lines lost before the port opened: well under a second's worth (0 when the pty buffers them).
      expect(offset).toBeLessThanOrEqual(150);
      expect(readings.find((r) => r.type === 'waveform')).toMatchObject({ metric: METRIC, unit: '1' });
      expect(readings.some((r) => r.type === 'status')).toBe(true);
      const [info] = await backend.api['devices.list']({});
      expect(info).toMatchObject({ state: 'streaming', droppedFrames: 0, error: null });
    } finally {
      await backend.close();
      await device.stop();
    }
  });
});
