import { probePort } from '../../../src/core/devices/probe/probe-port';
import { startSimulatedDevice, type SimulatedDevice } from '../../../src/core/sim/simulated-device';
import { isHidLink } from '../../../src/devices/driver';
import { DRIVERS } from '../../../src/devices/registry';
import { hasSocat } from '../../helpers/pty';

/**
 * Probe on an unlabelled port: each registered serial driver's simulator on a real pty pair, the
 * probe given the full serial driver list (what `station probe PATH` tries on a port with no USB
 * ids). Parameterized over DRIVERS, so a driver registered later is covered without editing this.
 * Probes run one after the other: each holds the port and ~3 s of wall time at most.
 */
const describeWithSocat = hasSocat() ? describe : describe.skip;
const SERIAL_DRIVERS = DRIVERS.filter((driver) => !isHidLink(driver.link));
const PROBE_TIMEOUT_MS = 3000;

/**
 * Protocols one device speaks: the simulated Nonin (like a 9560) streams its current format and
 * ACKs a "select format" for any of #2/#7/#8/#13, so every Nonin format driver is a right answer.
 */
const SAME_DEVICE: readonly (readonly string[])[] = [['nonin-df2', 'nonin-df7', 'nonin-df8', 'nonin-df13']];
function rightAnswers(protocol: string): readonly string[] {
  return SAME_DEVICE.find((family) => family.includes(protocol)) ?? [protocol];
}

describeWithSocat('probePort on an unlabelled pty (integration)', () => {
  let device: SimulatedDevice | null = null;
  afterEach(async () => {
    await device?.stop();
    device = null;
  });

  it.each(SERIAL_DRIVERS.map((driver) => [driver.protocol, driver] as const))(
    'recognises %s among every serial driver',
    async (protocol) => {
      device = await startSimulatedDevice(protocol, { seed: 7 });
      const result = await probePort(device.path, SERIAL_DRIVERS, { timeoutMs: PROBE_TIMEOUT_MS });
      expect(result).toMatchObject({ outcome: 'found', path: device.path });
      expect(rightAnswers(protocol)).toContain(result.outcome === 'found' ? result.protocol : result.outcome);
      expect(result.elapsedMs).toBeLessThan(PROBE_TIMEOUT_MS + 1000);
    },
  );

  it('says no protocol answered on a silent port', async () => {
    const { createPtyPair } = await import('../../../src/core/sim/pty-pair');
    const pair = await createPtyPair();
    try {
      const result = await probePort(pair.stationEnd, SERIAL_DRIVERS, { timeoutMs: 1500 });
      expect(result).toMatchObject({
        outcome: 'none',
        message: expect.stringMatching(/no protocol answered/) as unknown,
      });
    } finally {
      await pair.kill();
    }
  });

  it('reports a port that cannot be opened with a typed error', async () => {
    const result = await probePort('/dev/station-no-such-port', SERIAL_DRIVERS, { timeoutMs: 500 });
    expect(result).toMatchObject({ outcome: 'error', error: { code: 'not-found' } });
  });
});
