import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStationHost, type StationHost } from '../station-host';
import { StationState } from './station-state';

/**
 * A host whose settings are locked by a kiosk PIN. Setting the PIN locks them at once; the PIN is
 * still set on a first run and the host started again on the same data folder, so the lock is the
 * one a restarted station comes up with (read from disk, not kept in memory). (`--data-dir` is given
 * after the one `startStationHost` passes; the last one wins.) `extraArgs` go to the locked run
 * only (e.g. `--simulate`).
 */
export async function startLockedHost(extraArgs: readonly string[] = []): Promise<StationHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-locked-'));
  try {
    const setup = await startStationHost(['--data-dir', dataDir]);
    try {
      await new StationState(setup.url).pinSet();
    } finally {
      await setup.stop();
    }
    const host = await startStationHost([...extraArgs, '--data-dir', dataDir]);
    const status = await new StationState(host.url).call<{ locked: boolean }>('kiosk.status');
    if (!status.locked) {
      await host.stop();
      throw new Error('a restarted host with a kiosk PIN should start with its settings locked');
    }
    return {
      ...host,
      async stop() {
        const code = await host.stop();
        rmSync(dataDir, { recursive: true, force: true });
        return code;
      },
      async kill() {
        await host.kill();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
