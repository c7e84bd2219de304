import { createBackend } from '../../../src/core/backend';
import { resolveDriver } from '../../../src/core/devices/drivers';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice, type SimulatedDevice } from '../../../src/core/sim/simulated-device';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import { hasSocat, waitFor } from '../../helpers/pty';

/**
 * Three simulated devices at once through one backend, each on its own pty and session: an oximeter,
 * a monitor and an ECG when their drivers are registered, else more oximeters (the point is three
 * concurrent sessions over the real binding).
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;
const WANTED = ['contec-cms50-v7', 'philips-intellivue-mib', 'openbci-cyton'];
const FALLBACK = ['contec-cms50-v7', 'contec-cms50-legacy', 'contec-cms50-v7'];
const PROTOCOLS = WANTED.map((protocol, i) => (resolveDriver(protocol) ? protocol : FALLBACK[i]));

describeWithSocat('three devices at once (integration)', () => {
  const devices: SimulatedDevice[] = [];
  afterEach(async () => {
    for (const device of devices.splice(0)) await device.stop();
  });

  it(`streams ${PROTOCOLS.join(', ')} side by side, each reading tagged with its own device`, async () => {
    for (const [i, protocol] of PROTOCOLS.entries())
      devices.push(await startSimulatedDevice(protocol, { seed: 10 + i }));
    const backend = createBackend({
      host: 'node',
      version: 'test',
      settings: new MemorySettingsStore(),
      discovery: false,
    });
    const perDevice = new Map<string, number>();
    backend.on('readings', (batch) => {
      for (const reading of batch.readings)
        perDevice.set(reading.device, (perDevice.get(reading.device) ?? 0) + 1);
    });
    try {
      const infos: DeviceInfo[] = [];
      for (const device of devices)
        infos.push(
          await backend.connectDevice({ path: device.path, protocol: device.protocol, simulated: true }),
        );
      const ids = infos.map((info) => info.id);
      expect(new Set(ids).size).toBe(3);
      await waitFor(() => ids.every((id) => (perDevice.get(id) ?? 0) > 0), 8000, 'readings from all three');
      const listed = await backend.api['devices.list']({});
      expect(listed.map((d) => d.state)).toEqual(['streaming', 'streaming', 'streaming']);
      expect([...perDevice.keys()].sort()).toEqual([...ids].sort());

      await backend.api['devices.disconnect']({ id: ids[1] });
      expect((await backend.api['devices.list']({})).map((d) => d.id)).toEqual([ids[0], ids[2]]);
    } finally {
      await backend.close();
    }
  });
});
