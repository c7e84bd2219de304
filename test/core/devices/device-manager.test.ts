import { DeviceManager } from '../../../src/core/devices/device-manager';
import { HotPlug } from '../../../src/core/devices/hot-plug';
import { ProbeMemory } from '../../../src/core/devices/probe/probe-memory';
import type { ProbeResult } from '../../../src/core/devices/probe/probe-result';
import type { DiscoveredPort } from '../../../src/core/discovery/discovered-port';
import { PortWatcher } from '../../../src/core/discovery/port-watcher';
import { TransportError } from '../../../src/core/transports/transport';
import type { DeviceErrorCode, DeviceInfo } from '../../../src/shared/domain/devices';
import { FakeTransport } from '../../helpers/fake-transport';
import { testDriver, testFrame } from '../../helpers/test-driver';

const PROTOCOL = testDriver.protocol;

/** A manager on fake transports; `failNextOpens` makes the next opens of a path fail with a code. */
function setup() {
  const transports: FakeTransport[] = [];
  const failures: DeviceErrorCode[] = [];
  const states: DeviceInfo[] = [];
  const manager = new DeviceManager({
    resolveDriver: (protocol) => (protocol === PROTOCOL ? testDriver : null),
    createTransport: (path) => {
      const transport = new FakeTransport(path);
      const code = failures.shift();
      if (code) transport.openError = new TransportError(code, `${path}: ${code}`);
      transports.push(transport);
      return transport;
    },
    noDataTimeoutMs: () => 60_000,
    onReadings: () => undefined,
    onInfo: (info) => states.push(info),
  });
  return { manager, transports, failures, states, latest: () => transports.at(-1)! };
}

describe('DeviceManager reconnect', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('retries an unplugged path with backoff, silently while the port is missing, then streams again', async () => {
    const { manager, transports, failures, states, latest } = setup();
    await manager.connect('/dev/ttyUSB0', PROTOCOL);
    latest().emitData(testFrame(97, 60, 1), 1000);
    failures.push('not-found', 'not-found');
    latest().unplug();
    expect(manager.list()[0]).toMatchObject({ state: 'disconnected', error: { code: 'disconnected' } });

    await jest.advanceTimersByTimeAsync(499);
    expect(transports).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1); // 0.5 s: not there
    await jest.advanceTimersByTimeAsync(1000); // +1 s: not there
    expect(transports).toHaveLength(3);
    expect(manager.list()[0].state).toBe('disconnected');
    await jest.advanceTimersByTimeAsync(2000); // +2 s: back
    expect(transports).toHaveLength(4);
    expect(manager.list()[0]).toMatchObject({ state: 'connecting', lastReadingAt: 1000 });
    latest().emitData(testFrame(98, 61, 2), 5000);
    expect(manager.list()[0]).toMatchObject({ state: 'streaming', lastReadingAt: 5000 });
    expect(states.map((s) => s.state)).toEqual([
      'connecting',
      'streaming',
      'disconnected',
      'connecting',
      'streaming',
    ]);
    await manager.closeAll();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('shows a permission error while retrying, and caps the delay at 8 s', async () => {
    const { manager, transports, failures } = setup();
    await manager.connect('/dev/ttyUSB0', PROTOCOL);
    failures.push(...Array<DeviceErrorCode>(8).fill('permission-denied'));
    transports[0].unplug();
    await jest.advanceTimersByTimeAsync(500);
    expect(manager.list()[0]).toMatchObject({ state: 'error', error: { code: 'permission-denied' } });
    await jest.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 8000);
    expect(transports).toHaveLength(6);
    await jest.advanceTimersByTimeAsync(7999);
    expect(transports).toHaveLength(6);
    await jest.advanceTimersByTimeAsync(1);
    expect(transports).toHaveLength(7);
    await manager.closeAll();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('does not reconnect a device the user disconnected', async () => {
    const { manager, transports } = setup();
    const { id } = await manager.connect('/dev/ttyUSB0', PROTOCOL);
    transports[0].unplug();
    await manager.disconnect(id);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(transports).toHaveLength(1);
    expect(manager.list()).toEqual([]);
  });
});

describe('HotPlug', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const port: DiscoveredPort = {
    path: '/dev/ttyUSB7',
    transport: 'serial',
    vendorId: 0x10c4,
    productId: 0xea60,
    serialNumber: 'SN1',
  };

  function hotPlugSetup(autoConnect = true) {
    const base = setup();
    let listed: DiscoveredPort[] = [];
    const probes: string[] = [];
    const watcher = new PortWatcher({ listers: [() => Promise.resolve(listed)], intervalMs: 2000 });
    const hotPlug = new HotPlug({
      watcher,
      manager: base.manager,
      autoConnect: () => autoConnect,
      candidatesFor: () => [testDriver],
      probe: (path): Promise<ProbeResult> => {
        probes.push(path);
        return Promise.resolve({
          outcome: 'found',
          path,
          protocol: PROTOCOL,
          name: testDriver.name,
          link: testDriver.link,
          elapsedMs: 5,
          candidates: [],
        });
      },
      memory: new ProbeMemory(),
    });
    return { ...base, hotPlug, probes, setListed: (ports: DiscoveredPort[]) => (listed = ports) };
  }

  it('probes and connects a port that appears; a replug on another path reuses the protocol', async () => {
    const { hotPlug, manager, probes, setListed, transports } = hotPlugSetup();
    setListed([port]);
    hotPlug.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(probes).toEqual(['/dev/ttyUSB7']);
    expect(manager.list()).toMatchObject([{ id: `${PROTOCOL}@/dev/ttyUSB7`, state: 'connecting' }]);

    transports[0].unplug();
    setListed([]);
    await jest.advanceTimersByTimeAsync(2000);
    setListed([{ ...port, path: '/dev/ttyUSB8' }]);
    await jest.advanceTimersByTimeAsync(2000);
    expect(probes).toEqual(['/dev/ttyUSB7']);
    expect(manager.list()).toMatchObject([{ id: `${PROTOCOL}@/dev/ttyUSB8`, state: 'connecting' }]);
    await hotPlug.stop();
    await manager.closeAll();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('leaves new ports alone when auto-connect is off', async () => {
    const { hotPlug, manager, probes, setListed } = hotPlugSetup(false);
    setListed([port]);
    hotPlug.start();
    await jest.advanceTimersByTimeAsync(4000);
    expect(probes).toEqual([]);
    expect(manager.list()).toEqual([]);
    await hotPlug.stop();
  });
});
