import { performance } from 'node:perf_hooks';
import { probePort } from '../src/core/devices/probe/probe-port';
import { startSimulatedDevice } from '../src/core/sim/simulated-device';
import { isHidLink } from '../src/devices/driver';
import { DRIVERS } from '../src/devices/registry';
import { fmt } from './stats';

/**
 * Probe time of an unlabelled port: each serial driver's simulator on a fresh pty, probed with the
 * whole serial driver list as candidates (the worst case: no USB ids to narrow it down).
 */
export async function benchProbe(): Promise<{ protocol: string; found: string; seconds: number }[]> {
  const serial = DRIVERS.filter((driver) => !isHidLink(driver.link));
  const rows: { protocol: string; found: string; seconds: number }[] = [];
  for (const driver of serial) {
    const device = await startSimulatedDevice(driver.protocol, { driver, seed: 3 });
    try {
      const started = performance.now();
      const result = await probePort(device.path, serial, { timeoutMs: 5000 });
      const seconds = (performance.now() - started) / 1000;
      rows.push({
        protocol: driver.protocol,
        found: result.outcome === 'found' ? result.protocol : result.outcome,
        seconds,
      });
    } finally {
      await device.stop();
    }
  }
  return rows;
}

export function printProbe(rows: Awaited<ReturnType<typeof benchProbe>>): void {
  const worst = Math.max(...rows.map((row) => row.seconds));
  console.log(
    `\nProbe of an unlabelled port with all ${rows.length} serial drivers as candidates (target ≤ 3 s; worst ${fmt(worst)} s)`,
  );
  for (const row of rows) {
    const verdict = row.found === row.protocol ? 'found' : `→ ${row.found}`;
    console.log(`  ${row.protocol.padEnd(24)} ${fmt(row.seconds).padStart(6)} s   ${verdict}`);
  }
}
