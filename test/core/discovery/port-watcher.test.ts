import type { DiscoveredPort } from '../../../src/core/discovery/discovered-port';
import { candidatesForPort, probeOrderForPort } from '../../../src/core/discovery/port-candidates';
import { PortWatcher } from '../../../src/core/discovery/port-watcher';
import { DRIVERS } from '../../../src/devices/registry';

const CP210X = { vendorId: 0x10c4, productId: 0xea60 };
const oximeter: DiscoveredPort = { path: '/dev/ttyUSB0', transport: 'serial', ...CP210X, serialNumber: 'A1' };
const bp: DiscoveredPort = { path: '/dev/hidraw3', transport: 'hid', vendorId: 0x0590, productId: 0x0028 };

/** A lister the test controls: the ports it returns, how long it takes, how many calls overlap. */
function controlledLister(initial: DiscoveredPort[] = []) {
  const state = { ports: initial, delayMs: 0, calls: 0, active: 0, maxActive: 0, fail: false };
  const lister = async (): Promise<DiscoveredPort[]> => {
    state.calls++;
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    try {
      if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      if (state.fail) throw new Error('bus hiccup');
      return state.ports;
    } finally {
      state.active--;
    }
  };
  return { state, lister };
}

describe('PortWatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('merges listers and emits appeared / disappeared from one poll to the next', async () => {
    const serial = controlledLister([oximeter]);
    const hid = controlledLister([]);
    const watcher = new PortWatcher({ listers: [serial.lister, hid.lister], intervalMs: 2000 });
    const events: string[] = [];
    watcher.onAppeared((port) => events.push(`+${port.path}`));
    watcher.onDisappeared((port) => events.push(`-${port.path}`));
    watcher.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['+/dev/ttyUSB0']);

    hid.state.ports = [bp];
    serial.state.ports = [];
    await jest.advanceTimersByTimeAsync(2000);
    expect(events).toEqual(['+/dev/ttyUSB0', '-/dev/ttyUSB0', '+/dev/hidraw3']);
    expect(watcher.ports).toEqual([bp]);

    // Same path, another device (serial number): gone and new.
    serial.state.ports = [{ ...oximeter, serialNumber: 'B2' }];
    await jest.advanceTimersByTimeAsync(2000);
    expect(events.slice(3)).toEqual(['+/dev/ttyUSB0']);
    await watcher.stop();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('never overlaps polls and pauses between them, however slow a lister is', async () => {
    const slow = controlledLister([oximeter]);
    slow.state.delayMs = 5000;
    const watcher = new PortWatcher({ listers: [slow.lister], intervalMs: 2000 });
    watcher.start();
    await jest.advanceTimersByTimeAsync(20_000);
    expect(slow.state.maxActive).toBe(1);
    // 20 s of 5 s polls with 2 s pauses: 3 polls (0, 7, 14 s), not 10.
    expect(slow.state.calls).toBe(3);
    const stopping = watcher.stop();
    await jest.advanceTimersByTimeAsync(5000);
    await stopping;
    const calls = slow.state.calls;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(slow.state.calls).toBe(calls);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps the previous list of a lister that fails, so a hiccup is not an unplug', async () => {
    const flaky = controlledLister([oximeter]);
    const watcher = new PortWatcher({ listers: [flaky.lister], intervalMs: 1000, log: () => undefined });
    const gone: string[] = [];
    watcher.onDisappeared((port) => gone.push(port.path));
    watcher.start();
    await jest.advanceTimersByTimeAsync(0);
    flaky.state.fail = true;
    await jest.advanceTimersByTimeAsync(3000);
    expect(gone).toEqual([]);
    expect(watcher.ports).toEqual([oximeter]);
    await watcher.stop();
  });
});

describe('candidatesForPort', () => {
  it('turns a bridge VID:PID into candidates (not a verdict) and a bare port into none', () => {
    const fromBridge = candidatesForPort(oximeter).map((driver) => driver.protocol);
    expect(fromBridge).toEqual(expect.arrayContaining(['contec-cms50-v7', 'contec-cms50-legacy']));
    expect(candidatesForPort({ path: '/dev/ttyS0', transport: 'serial' })).toEqual([]);
    expect(candidatesForPort({ ...oximeter, vendorId: 0xffff })).toEqual([]);
  });

  it('orders a probe: registry candidates first, then every other driver of the same bus', () => {
    const order = probeOrderForPort(oximeter).map((driver) => driver.protocol);
    const serialDrivers = DRIVERS.filter((driver) => driver.link.kind !== 'hid');
    expect(order.slice(0, 2)).toEqual(
      candidatesForPort(oximeter)
        .slice(0, 2)
        .map((d) => d.protocol),
    );
    expect(new Set(order)).toEqual(new Set(serialDrivers.map((driver) => driver.protocol)));
  });
});
