import type { SimulatedDevice } from '../../../src/core/sim/simulated-device';
import type { DeviceDriver, SimulatedValues } from '../../../src/devices/driver';
import { EMPTY_OUTPUT } from '../../../src/devices/driver';
import { philipsIntellivueMib } from '../../../src/devices/philips-intellivue-mib';
import { IntellivueDecoder } from '../../../src/devices/philips-intellivue-mib/decoder';
import { IntellivueHost } from '../../../src/devices/philips-intellivue-mib/host';
import {
  STREAMING_CLEAN,
  describeWithSocat,
  deviceInfo,
  withSimulatedDevice,
} from '../../helpers/device-integration';
import { waitFor } from '../../helpers/pty';

/**
 * Philips IntelliVue MIB: the session runs the driver's host protocol (association, create-event
 * confirmation, 1 Hz numerics polls, release) against the simulator.
 */
describeWithSocat('IntelliVue simulator → pty → backend (integration)', () => {
  it('delivers the polled numerics the simulator encoded, in order with nulls, and releases on close', async () => {
    // Polls every 300 ms instead of 1 s: the same conversation, four replies in about a second.
    const driver: DeviceDriver = {
      ...philipsIntellivueMib,
      createHost: () => new IntellivueHost({ pollIntervalMs: 300 }),
    };
    const monitorSaid: string[] = [];
    const listen = new IntellivueDecoder('listener');
    const beforeConnect = (device: SimulatedDevice) =>
      device.onOutput((out) => {
        for (const e of listen.push(out.bytes, 0))
          if (e.kind === 'device-info') monitorSaid.push(`${e.key}=${e.value}`);
      });
    await withSimulatedDevice(
      driver,
      { seed: 42, beforeConnect },
      async ({ backend, device, frames, readings, id }) => {
        expect(id).toBe(`${driver.protocol}@${device.path}`);
        await waitFor(() => readings.length >= 4 * 8, 4000, 'four poll results');

        const polled: SimulatedValues[] = frames.filter((f) => Object.keys(f).length > 0);
        const expected = polled.flatMap((f) => Object.entries(f));
        const got = readings.map((r) => (r.type === 'numeric' ? [r.metric, r.value] : [r.type]));
        expect(got).toEqual(expected.slice(0, got.length));
        // Before the first cuff cycle the monitor has no NIBP: nulls, not numbers.
        expect(got).toContainEqual(['MDC_PRESS_BLD_NONINV_SYS', null]);
        expect(await deviceInfo(backend)).toMatchObject(STREAMING_CLEAN);

        expect(await backend.api['devices.disconnect']({ id })).toBeNull();
        await waitFor(() => monitorSaid.includes('association=released'), 1000, 'the release response');
        expect(monitorSaid.slice(0, 2)).toEqual(['association=accepted', 'mds-create-event=1']);
      },
    );
  });

  it('ends the session with a timeout when the monitor never answers the association', async () => {
    const mute: DeviceDriver = {
      ...philipsIntellivueMib,
      createHost: () => new IntellivueHost({ associationTimeoutMs: 400 }),
      createSimulator: () => ({ tickIntervalMs: 100, receive: () => EMPTY_OUTPUT, tick: () => EMPTY_OUTPUT }),
    };
    await withSimulatedDevice(mute, {}, async ({ states }) => {
      await waitFor(() => states.at(-1)?.state === 'error', 2000, 'the timeout');
      expect(states.at(-1)?.error).toEqual({
        code: 'timeout',
        message: 'no association result within 400 ms',
      });
    });
  });
});
