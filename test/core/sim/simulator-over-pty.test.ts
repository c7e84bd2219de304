import { DeviceSession } from '../../../src/core/devices/device-session';
import { createPtyPair, type PtyPair } from '../../../src/core/sim/pty-pair';
import { SimulatorRunner } from '../../../src/core/sim/simulator-runner';
import { createSerialTransport } from '../../../src/core/transports/serialport-transport';
import { serialLinkOf, type SimulatedValues } from '../../../src/devices/driver';
import type { Reading } from '../../../src/shared/domain/readings';
import { hasSocat, waitFor } from '../../helpers/pty';
import { testDriver } from '../../helpers/test-driver';

/**
 * Real socat pty pair, real serial binding on both ends, with the core's own test protocol: this
 * pins the runner and the session independently of any real driver.
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;

describeWithSocat('simulator runner → pty → device session (test protocol)', () => {
  let pair: PtyPair;
  beforeEach(async () => {
    pair = await createPtyPair();
  });
  afterEach(() => pair.kill());

  it('delivers exactly what the simulator encoded, then survives an unplug', async () => {
    const runner = new SimulatorRunner({ driver: testDriver, path: pair.deviceEnd, seed: 7 });
    const frames: SimulatedValues[] = [];
    runner.onOutput((out) => frames.push(...out.frames));
    await runner.start();

    const session = new DeviceSession({
      driver: testDriver,
      transport: createSerialTransport(pair.stationEnd, serialLinkOf(testDriver)),
      simulated: true,
      noDataTimeoutMs: () => 5000,
    });
    const readings: Reading[] = [];
    session.onReadings((batch) => readings.push(...batch));
    await session.start();
    await waitFor(() => readings.filter((r) => r.type === 'numeric').length >= 2 * 40, 5000, '40 frames');
    expect(session.info.state).toBe('streaming');

    const samples = readings.flatMap((r) => (r.type === 'waveform' ? r.samples : []));
    const spo2 = readings.flatMap((r) =>
      r.type === 'numeric' && r.metric === 'MDC_PULS_OXIM_SAT_O2' ? [r.value] : [],
    );
    expect(samples).toEqual(frames.slice(0, samples.length).map((f) => f.MDC_PULS_OXIM_PLETH));
    expect(spo2).toEqual(frames.slice(0, spo2.length).map((f) => f.MDC_PULS_OXIM_SAT_O2));
    expect(session.info.droppedFrames).toBe(0);

    const unpluggedAt = Date.now();
    await pair.kill();
    await waitFor(() => session.info.state === 'disconnected', 2000, 'disconnected');
    expect(Date.now() - unpluggedAt).toBeLessThan(2000);
    expect(session.info.error?.code).toBe('disconnected');
    await session.stop();
    await runner.stop();
  });

  it('maps a missing port to not-found', async () => {
    const transport = createSerialTransport('/dev/does-not-exist-station', serialLinkOf(testDriver));
    await expect(transport.open()).rejects.toMatchObject({ code: 'not-found' });
  });
});
