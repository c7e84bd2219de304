import { EMPTY_OUTPUT, type DeviceDriver } from '../../../src/devices/driver';
import { noninDf8 } from '../../../src/devices/nonin-df8';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import { numericValues, withNoninRig } from '../../devices/nonin/integration-support';
import { PULSE, SPO2 } from '../../devices/nonin/support';
import { hasSocat, waitFor } from '../../helpers/pty';

const describeWithSocat = hasSocat() ? describe : describe.skip;

describeWithSocat('Nonin #8 simulator → pty → backend (integration)', () => {
  it('selects format #8 on open and delivers each once-a-second report', async () => {
    await withNoninRig(noninDf8, 42, async ({ backend, frames, readings }) => {
      await waitFor(() => numericValues(readings, SPO2).length >= 2, 4000, 'two #8 reports');
      const reports = frames.filter((f) => SPO2 in f);
      for (const metric of [SPO2, PULSE]) {
        const got = numericValues(readings, metric);
        expect(got).toEqual(reports.slice(0, got.length).map((f) => f[metric]));
      }
      const [info] = await backend.api['devices.list']({});
      expect(info).toMatchObject({ state: 'streaming', droppedFrames: 0, error: null });
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
    await withNoninRig(silent, 7, async ({ backend, readings }) => {
      const states: DeviceInfo[] = [];
      backend.on('device.state', (info) => states.push(info));
      await waitFor(() => states.some((s) => s.state === 'error'), 4000, 'the session to fail');
      expect(states.find((s) => s.state === 'error')?.error).toMatchObject({ code: 'timeout' });
      expect(numericValues(readings, SPO2).length).toBeGreaterThan(0);
    });
  });
});
