import { DeviceSession } from '../../../src/core/devices/device-session';
import { NO_STEP, type DeviceDriver, type HostProtocol, type HostStep } from '../../../src/devices/driver';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import { FakeTransport } from '../../helpers/fake-transport';
import { testDriver, testFrame } from '../../helpers/test-driver';

/**
 * A conversational fake: the host sends HELLO on open, ACKs every reading, polls on each tick, and
 * reports a timeout when the device has been silent for three ticks; BYE before closing.
 */
const HELLO = Uint8Array.of(0x10);
const ACK = Uint8Array.of(0x11);
const POLL = Uint8Array.of(0x12);
const BYE = Uint8Array.of(0x13);
const FEATURE = Uint8Array.of(0x20, 0x01);
const TICK_MS = 1000;

function conversationalHost(options: { featureOnOpen?: boolean } = {}): HostProtocol {
  let lastHeardMs = 0;
  return {
    tickIntervalMs: TICK_MS,
    open(atMs) {
      lastHeardMs = atMs;
      return { writes: options.featureOnOpen ? [{ featureReport: FEATURE }, HELLO] : [HELLO] };
    },
    onEvent(event, atMs): HostStep {
      if (event.kind !== 'reading') return NO_STEP;
      lastHeardMs = atMs;
      return { writes: [ACK] };
    },
    tick(atMs) {
      if (atMs - lastHeardMs >= 3 * TICK_MS)
        return { writes: [], error: { code: 'timeout', message: 'device stopped answering' } };
      return { writes: [POLL] };
    },
    close: () => ({ writes: [BYE] }),
  };
}

function setup(options: { featureOnOpen?: boolean } = {}) {
  const driver: DeviceDriver = { ...testDriver, createHost: () => conversationalHost(options) };
  const transport = new FakeTransport();
  const session = new DeviceSession({
    driver,
    transport,
    simulated: false,
    noDataTimeoutMs: () => 60_000,
    now: () => Date.now(),
  });
  const states: DeviceInfo[] = [];
  session.onInfo((info) => states.push(info));
  return { transport, session, states };
}

describe('DeviceSession with a HostProtocol', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('writes the open step, answers each decode event in order, polls on ticks and says goodbye', async () => {
    const { transport, session } = setup();
    await session.start();
    expect(transport.written).toEqual([HELLO]);
    transport.emitData([...testFrame(97, 60, 1), ...testFrame(96, 61, 2)], Date.now());
    await jest.advanceTimersByTimeAsync(0);
    // The decoder yields 3 readings per frame: one ACK each, in order, after HELLO.
    expect(transport.written).toEqual([HELLO, ...Array<Uint8Array>(6).fill(ACK)]);
    await jest.advanceTimersByTimeAsync(TICK_MS);
    expect(transport.lastWrite).toEqual(POLL);
    await session.stop();
    expect(transport.lastWrite).toEqual(BYE);
    expect(session.info).toMatchObject({ state: 'disconnected', error: null });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('moves to error with the step code when the host reports a timeout, and closes the port', async () => {
    const { transport, session, states } = setup();
    await session.start();
    transport.emitData(testFrame(97, 60, 1), Date.now());
    await jest.advanceTimersByTimeAsync(3 * TICK_MS);
    expect(session.info).toMatchObject({
      state: 'error',
      error: { code: 'timeout', message: 'device stopped answering' },
    });
    expect(transport.isOpen).toBe(false);
    expect(transport.lastWrite).toEqual(BYE);
    expect(jest.getTimerCount()).toBe(0);
    expect(states.map((s) => s.state)).toEqual(['streaming', 'error']);
    await session.stop();
    expect(session.info.state).toBe('error');
  });

  it('reports a typed write-failed when a serial driver asks for a feature report, and goes on', async () => {
    const { transport, session } = setup({ featureOnOpen: true });
    await session.start();
    expect(session.info.error).toMatchObject({ code: 'write-failed', message: /feature report/ });
    expect(transport.written).toEqual([HELLO]);
    await session.stop();
  });

  it('sends feature reports through a transport that has them', async () => {
    const { transport, session } = setup({ featureOnOpen: true });
    const features: Uint8Array[] = [];
    Object.assign(transport, {
      writeFeatureReport: (bytes: Uint8Array) => {
        features.push(bytes);
        return Promise.resolve();
      },
    });
    await session.start();
    expect(features).toEqual([FEATURE]);
    expect(session.info.error).toBeNull();
    await session.stop();
  });
});
