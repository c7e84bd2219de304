import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createBackend } from '../../../src/core/backend';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice, type SimulatedDevice } from '../../../src/core/sim/simulated-device';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import { hasSocat, waitFor } from '../../helpers/pty';

/**
 * Unplug / replug with real parts: socat is killed under an open port (the binding reports the
 * close as a disconnect), then a new pair is created at the same link path, as a device plugged
 * back into the same socket. Ptys are not in the OS port list, so this is the session-level
 * reconnect (retrying the path with backoff), with discovery off.
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;
const PROTOCOL = 'contec-cms50-v7';

describeWithSocat('unplug and replug a simulated device (integration)', () => {
  let dir: string;
  const devices: SimulatedDevice[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'station-hotplug-'));
  });
  afterEach(async () => {
    for (const device of devices.splice(0)) await device.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('goes disconnected, then streaming again on the same path, and readings resume', async () => {
    const link = join(dir, 'oximeter');
    devices.push(await startSimulatedDevice(PROTOCOL, { linkPath: link, seed: 3 }));
    const backend = createBackend({
      host: 'node',
      version: 'test',
      settings: new MemorySettingsStore(),
      discovery: false,
    });
    const states: DeviceInfo[] = [];
    let readings = 0;
    backend.on('device.state', (info) => states.push(info));
    backend.on('readings', (batch) => (readings += batch.readings.length));
    try {
      const { id } = await backend.connectDevice({ path: link, protocol: PROTOCOL, simulated: true });
      await waitFor(() => states.at(-1)?.state === 'streaming' && readings > 10, 5000, 'streaming');

      await devices[0].unplug();
      await waitFor(() => states.at(-1)?.state === 'disconnected', 3000, 'disconnected');
      expect(states.at(-1)).toMatchObject({ id, error: { code: 'disconnected' } });
      const lastReadingAt = states.at(-1)?.lastReadingAt;
      expect(lastReadingAt).not.toBeNull();

      devices.push(await startSimulatedDevice(PROTOCOL, { linkPath: link, seed: 4 }));
      const before = readings;
      await waitFor(() => states.at(-1)?.state === 'streaming', 8000, 'streaming again');
      await waitFor(() => readings > before + 10, 3000, 'readings to resume');
      const [info] = await backend.api['devices.list']({});
      expect(info).toMatchObject({ id, state: 'streaming', error: null });
      expect(info.lastReadingAt).toBeGreaterThan(lastReadingAt!);
      const sequence = states.map((s) => s.state);
      // 'connecting' is said when the port opened before its first reading; on a busy machine the
      // first reading can come first, and then the device goes straight to streaming, said once.
      expect([
        ['disconnected', 'connecting', 'streaming'],
        ['disconnected', 'streaming'],
      ]).toContainEqual(sequence.slice(sequence.lastIndexOf('disconnected')));
    } finally {
      await backend.close();
    }
  });
});
