import { createBackend } from '../../../src/core/backend';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice } from '../../../src/core/sim/simulated-device';
import type { SimulatedValues } from '../../../src/devices/driver';
import { openBciCyton } from '../../../src/devices/openbci-cyton';
import type { Reading } from '../../../src/shared/domain/readings';
import { hasSocat, waitFor } from '../../helpers/pty';

/**
 * Real parts end to end: the Cyton simulator sits behind a socat pty pair and the real serial
 * binding; the backend opens the other end, runs the driver's host (s, v, wait for `$$$`, c, b:
 * the simulator is silent until b), decodes and publishes. The driver is passed in: no registry.
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;
const PROTOCOL = 'openbci-cyton';
const LEADS = ['MDC_ECG_ELEC_POTL_I', 'MDC_ECG_ELEC_POTL_II', 'MDC_ECG_ELEC_POTL_III'] as const;
const SAMPLES = 250;

describeWithSocat('OpenBCI Cyton simulator → pty → serialport → backend (integration)', () => {
  it('delivers every lead sample the simulator encoded, in order, and stops the stream on disconnect', async () => {
    const device = await startSimulatedDevice(PROTOCOL, { seed: 11, driver: openBciCyton });
    const sent: SimulatedValues[] = [];
    device.onOutput((out) => sent.push(...out.frames.filter((f) => LEADS[0] in f)));
    const backend = createBackend({
      host: 'node',
      version: 'test',
      settings: new MemorySettingsStore(),
      resolveDriver: (protocol) => (protocol === PROTOCOL ? openBciCyton : null),
    });
    const readings: Reading[] = [];
    backend.on('readings', (batch) => readings.push(...batch.readings));
    try {
      const { id } = await backend.connectDevice({ path: device.path, protocol: PROTOCOL, simulated: true });
      const samples = (metric: string) =>
        readings.flatMap((r) => (r.type === 'waveform' && r.metric === metric ? r.samples : []));
      await waitFor(() => samples(LEADS[2]).length >= SAMPLES, 4000, `${SAMPLES} samples per lead`);

      for (const lead of LEADS) {
        const got = samples(lead);
        expect(got).toEqual(sent.slice(0, got.length).map((f) => f[lead]));
      }
      const wave = readings.find((r) => r.type === 'waveform');
      expect(wave).toMatchObject({ unit: 'mV', rateHz: 250 });
      const [info] = await backend.api['devices.list']({});
      expect(info).toMatchObject({ state: 'streaming', droppedFrames: 0, error: null });

      // Disconnecting sends `s`: the simulator stops writing packets.
      await backend.api['devices.disconnect']({ id });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const afterStop = sent.length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(sent.length).toBe(afterStop);
    } finally {
      await backend.close();
      await device.stop();
    }
  });
});
