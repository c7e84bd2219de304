import { EMPTY_OUTPUT, type DeviceDriver } from '../../../src/devices/driver';
import { noninDf8 } from '../../../src/devices/nonin-df8';
import {
  STREAMING_CLEAN,
  describeWithSocat,
  deviceInfo,
  numericValues,
  withSimulatedDevice,
} from '../../helpers/device-integration';
import { PULSE, SPO2 } from '../../devices/nonin/support';
import { waitFor } from '../../helpers/pty';

/** Nonin #8: the session selects the format on open (ACK from a factory-fresh simulator). */
describeWithSocat('Nonin #8 simulator → pty → backend (integration)', () => {
  it('selects format #8 on open and delivers each once-a-second report', async () => {
    await withSimulatedDevice(noninDf8, { seed: 42 }, async ({ backend, frames, readings }) => {
      await waitFor(() => numericValues(readings, SPO2).length >= 2, 4000, 'two #8 reports');
      const reports = frames.filter((f) => SPO2 in f);
      for (const metric of [SPO2, PULSE]) {
        const got = numericValues(readings, metric);
        expect(got).toEqual(reports.slice(0, got.length).map((f) => f[metric]));
      }
      expect(await deviceInfo(backend)).toMatchObject(STREAMING_CLEAN);
    });
  });

  it('a device that never answers "select data format" ends the session with a timeout error', async () => {
    // Streams #8 already (configured earlier) but, past its 5 s window, ignores the station.
    const silent: DeviceDriver = {
      ...noninDf8,
      createSimulator: (options) => {
        const inner = noninDf8.createSimulator({ ...options, autoStart: true });
        return {
          tickIntervalMs: inner.tickIntervalMs,
          receive: () => EMPTY_OUTPUT,
          tick: (atMs) => inner.tick(atMs),
        };
      },
    };
    await withSimulatedDevice(silent, { seed: 7 }, async ({ states, readings }) => {
      await waitFor(() => states.some((s) => s.state === 'error'), 4000, 'the session to fail');
      expect(states.find((s) => s.state === 'error')?.error).toMatchObject({ code: 'timeout' });
      expect(numericValues(readings, SPO2).length).toBeGreaterThan(0);
    });
  });
});
