import { DeviceSession } from '../../../src/core/devices/device-session';
import { TransportError } from '../../../src/core/transports/transport';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import type { Reading } from '../../../src/shared/domain/readings';
import { FakeTransport } from '../../helpers/fake-transport';
import { TEST_KEEP_ALIVE, TEST_START, TEST_STOP, testDriver, testFrame } from '../../helpers/test-driver';

const NO_DATA_MS = 5000;

function setup() {
  const transport = new FakeTransport();
  const session = new DeviceSession({
    driver: testDriver,
    transport,
    simulated: false,
    noDataTimeoutMs: () => NO_DATA_MS,
  });
  const states: DeviceInfo[] = [];
  const batches: Reading[][] = [];
  session.onInfo((info) => states.push(info));
  session.onReadings((readings) => batches.push(readings));
  return { transport, session, states, batches };
}

describe('DeviceSession', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the host script: start bytes on open, keep-alive while open, stop bytes before closing', async () => {
    const { transport, session } = setup();
    await session.start();
    expect(transport.written).toEqual([TEST_START]);
    await jest.advanceTimersByTimeAsync(5000);
    expect(transport.written).toEqual([TEST_START, TEST_KEEP_ALIVE]);
    await jest.advanceTimersByTimeAsync(5000);
    expect(transport.written).toHaveLength(3);
    await session.stop();
    expect(transport.lastWrite).toEqual(TEST_STOP);
    expect(transport.isOpen).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('goes connecting → streaming → no-data → streaming', async () => {
    const { transport, session, states } = setup();
    expect(session.info.state).toBe('connecting');
    await session.start();
    transport.emitData(testFrame(97, 65, 40), 1000);
    expect(session.info.state).toBe('streaming');
    await jest.advanceTimersByTimeAsync(NO_DATA_MS - 1);
    expect(session.info.state).toBe('streaming');
    await jest.advanceTimersByTimeAsync(1);
    expect(session.info.state).toBe('no-data');
    transport.emitData(testFrame(97, 65, 40), 2000);
    expect(states.map((s) => s.state)).toEqual(['streaming', 'no-data', 'streaming']);
    await session.stop();
  });

  it('shows no-data when a device never sends a valid frame', async () => {
    const { transport, session } = setup();
    await session.start();
    transport.emitData([0x00, 0x11, 0x22], 1000);
    await jest.advanceTimersByTimeAsync(NO_DATA_MS);
    expect(session.info.state).toBe('no-data');
    await session.stop();
  });

  it('emits the readings of each chunk at once as one batch, merging waveform samples', async () => {
    const { transport, session, batches } = setup();
    await session.start();
    const chunk = Uint8Array.from([
      ...testFrame(97, 65, 10),
      ...testFrame(98, 66, 11),
      ...testFrame(0x7f, 0xff, 12),
    ]);
    transport.emitData(chunk, 1_764_089_348_123);
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    const wave = batch.filter((r) => r.type === 'waveform');
    expect(wave).toHaveLength(1);
    expect(wave[0]).toMatchObject({ samples: [10, 11, 12], start: '2025-11-25T16:49:08.123Z' });
    const spo2 = batch.filter((r) => r.type === 'numeric' && r.metric === 'MDC_PULS_OXIM_SAT_O2');
    expect(spo2.map((r) => (r.type === 'numeric' ? r.value : undefined))).toEqual([97, 98, null]);
    expect(session.info.lastReadingAt).toBe(1_764_089_348_123);
    await session.stop();
  });

  it('reassembles a frame split across chunks and emits nothing for the partial chunk', async () => {
    const { transport, session, batches } = setup();
    await session.start();
    const frame = testFrame(96, 70, 5);
    transport.emitData(frame.subarray(0, 2), 1);
    expect(batches).toHaveLength(0);
    transport.emitData(frame.subarray(2), 2);
    expect(batches).toHaveLength(1);
    await session.stop();
  });

  it('counts dropped frames and reports the count', async () => {
    const { transport, session, states } = setup();
    await session.start();
    const bad = testFrame(97, 65, 40);
    bad[4] ^= 0xff;
    transport.emitData(bad, 1);
    transport.emitData(bad, 2);
    transport.emitData(testFrame(97, 65, 40), 3);
    expect(session.info.droppedFrames).toBe(2);
    expect(states.map((s) => s.droppedFrames)).toEqual([1, 2, 2]);
    await session.stop();
  });

  it('becomes disconnected with a typed error when the port goes away, and stops its timers', async () => {
    const { transport, session } = setup();
    await session.start();
    transport.emitData(testFrame(97, 65, 40), 1);
    transport.unplug();
    expect(session.info.state).toBe('disconnected');
    expect(session.info.error?.code).toBe('disconnected');
    expect(jest.getTimerCount()).toBe(0);
    await session.stop();
    expect(session.info.state).toBe('disconnected');
  });

  it('rejects with a typed error and state error when the port does not open', async () => {
    const { transport, session } = setup();
    transport.openError = new TransportError('permission-denied', '/dev/ttyFAKE0: Permission denied');
    await expect(session.start()).rejects.toMatchObject({ code: 'permission-denied' });
    expect(session.info).toMatchObject({ state: 'error', error: { code: 'permission-denied' } });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('records a write timeout without hanging the start script', async () => {
    const { transport, session } = setup();
    transport.hangWrites = true;
    const started = session.start();
    await jest.advanceTimersByTimeAsync(1000);
    await started;
    expect(session.info.error?.code).toBe('timeout');
    transport.hangWrites = false;
    await session.stop();
  });

  it('ends in disconnected with no error after a clean stop', async () => {
    const { session, states } = setup();
    await session.start();
    await session.stop();
    await session.stop();
    expect(states.at(-1)).toMatchObject({ state: 'disconnected', error: null });
  });
});
