import { createBackend } from '../../../src/core/backend';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice } from '../../../src/core/sim/simulated-device';
import type { SimulatedValues } from '../../../src/devices/driver';
import { createGeDatexS5Driver } from '../../../src/devices/ge-datex-s5';
import { BASIC_FIELDS } from '../../../src/devices/ge-datex-s5/frames';
import type { Reading } from '../../../src/shared/domain/readings';
import { hasSocat, waitFor } from '../../helpers/pty';

/**
 * Real parts end to end: the S/5 simulator sits on one end of a socat pty pair behind the real
 * serial binding; the backend opens the other end, its session sends the displayed-values request
 * (1 s interval here, to keep the test short), decodes each record and publishes. The simulator
 * sends nothing before the request, so every record it wrote must arrive, values and nulls in order.
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;
const PROTOCOL = 'ge-datex-s5';
const RECORDS = 3;

describeWithSocat('GE Datex S/5 simulator → pty → serialport → backend (integration)', () => {
  it('requests displayed values and delivers every record the monitor sent', async () => {
    const driver = createGeDatexS5Driver({ intervalS: 1 });
    const device = await startSimulatedDevice(PROTOCOL, { seed: 11, driver });
    const sent: SimulatedValues[] = [];
    device.onOutput((out) => sent.push(...out.frames));
    const backend = createBackend({
      host: 'node',
      version: 'test',
      settings: new MemorySettingsStore(),
      resolveDriver: (protocol) => (protocol === PROTOCOL ? driver : null),
    });
    const readings: Reading[] = [];
    backend.on('readings', (batch) => readings.push(...batch.readings));
    try {
      await backend.connectDevice({ path: device.path, protocol: PROTOCOL, simulated: true });
      await waitFor(() => readings.length >= RECORDS * BASIC_FIELDS.length, 4000, `${RECORDS} records`);
      const got = readings
        .slice(0, RECORDS * BASIC_FIELDS.length)
        .map((r) => (r.type === 'numeric' ? [r.metric, r.value] : r.type));
      const expected = sent
        .slice(0, RECORDS)
        .flatMap((frame) => BASIC_FIELDS.map((f) => [f.metric, frame[f.metric]]));
      expect(got).toEqual(expected);
      const [info] = await backend.api['devices.list']({});
      expect(info).toMatchObject({ state: 'streaming', droppedFrames: 0, error: null });
    } finally {
      await backend.close();
      await device.stop();
    }
  });
});
