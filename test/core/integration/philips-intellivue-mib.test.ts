import { createBackend } from '../../../src/core/backend';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice, type SimulatedDevice } from '../../../src/core/sim/simulated-device';
import type { DeviceDriver, SimulatedValues } from '../../../src/devices/driver';
import { EMPTY_OUTPUT } from '../../../src/devices/driver';
import { philipsIntellivueMib } from '../../../src/devices/philips-intellivue-mib';
import { IntellivueDecoder } from '../../../src/devices/philips-intellivue-mib/decoder';
import { IntellivueHost } from '../../../src/devices/philips-intellivue-mib/host';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import type { Reading } from '../../../src/shared/domain/readings';
import { hasSocat, waitFor } from '../../helpers/pty';

/**
 * The whole path with real parts: the IntelliVue simulator behind a socat pty pair, the backend
 * opening the other end with the real serial binding and running the driver's host protocol
 * (association, create-event confirmation, 1 Hz numerics polls, release), decoding and publishing.
 * The driver is passed in directly, so no registry change is needed.
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;
const PROTOCOL = 'philips-intellivue-mib';

function backendFor(driver: DeviceDriver) {
  return createBackend({
    host: 'node',
    version: 'test',
    settings: new MemorySettingsStore(),
    resolveDriver: (protocol) => (protocol === PROTOCOL ? driver : null),
  });
}

describeWithSocat('IntelliVue simulator → pty → backend (integration)', () => {
  let device: SimulatedDevice | null = null;
  afterEach(async () => {
    await device?.stop();
    device = null;
  });

  it('delivers the polled numerics the simulator encoded, in order with nulls, and releases on close', async () => {
    // Polls every 300 ms instead of 1 s: the same conversation, four replies in about a second.
    const driver: DeviceDriver = {
      ...philipsIntellivueMib,
      createHost: () => new IntellivueHost({ pollIntervalMs: 300 }),
    };
    device = await startSimulatedDevice(PROTOCOL, { driver, seed: 42 });
    const polled: SimulatedValues[] = [];
    const monitorSaid: string[] = [];
    const listen = new IntellivueDecoder('listener');
    device.onOutput((out) => {
      polled.push(...out.frames.filter((f) => Object.keys(f).length > 0));
      for (const e of listen.push(out.bytes, 0))
        if (e.kind === 'device-info') monitorSaid.push(`${e.key}=${e.value}`);
    });
    const backend = backendFor(driver);
    const readings: Reading[] = [];
    backend.on('readings', (batch) => readings.push(...batch.readings));
    try {
      const info = await backend.connectDevice({ path: device.path, protocol: PROTOCOL, simulated: true });
      expect(info.id).toBe(`${PROTOCOL}@${device.path}`);
      await waitFor(() => readings.length >= 4 * 8, 4000, 'four poll results');

      const expected = polled.flatMap((f) => Object.entries(f));
      const got = readings.map((r) => (r.type === 'numeric' ? [r.metric, r.value] : [r.type]));
      expect(got).toEqual(expected.slice(0, got.length));
      // Before the first cuff cycle the monitor has no NIBP: nulls, not numbers.
      expect(got).toContainEqual(['MDC_PRESS_BLD_NONINV_SYS', null]);
      const [streaming] = await backend.api['devices.list']({});
      expect(streaming).toMatchObject({ state: 'streaming', droppedFrames: 0, error: null });

      expect(await backend.api['devices.disconnect']({ id: info.id })).toBeNull();
      await waitFor(() => monitorSaid.includes('association=released'), 1000, 'the release response');
      expect(monitorSaid.slice(0, 2)).toEqual(['association=accepted', 'mds-create-event=1']);
    } finally {
      await backend.close();
    }
  });

  it('ends the session with a timeout when the monitor never answers the association', async () => {
    const mute: DeviceDriver = {
      ...philipsIntellivueMib,
      createHost: () => new IntellivueHost({ associationTimeoutMs: 400 }),
      createSimulator: () => ({ tickIntervalMs: 100, receive: () => EMPTY_OUTPUT, tick: () => EMPTY_OUTPUT }),
    };
    device = await startSimulatedDevice(PROTOCOL, { driver: mute });
    const backend = backendFor(mute);
    const states: DeviceInfo[] = [];
    backend.on('device.state', (info) => states.push(info));
    try {
      await backend.connectDevice({ path: device.path, protocol: PROTOCOL, simulated: true });
      await waitFor(() => states.at(-1)?.state === 'error', 2000, 'the timeout');
      expect(states.at(-1)?.error).toEqual({
        code: 'timeout',
        message: 'no association result within 400 ms',
      });
    } finally {
      await backend.close();
    }
  });
});
