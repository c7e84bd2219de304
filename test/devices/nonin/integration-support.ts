import { createBackend } from '../../../src/core/backend';
import type { Backend } from '../../../src/core/backend-types';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { startSimulatedDevice, type SimulatedDevice } from '../../../src/core/sim/simulated-device';
import type { DeviceDriver, SimulatedValues } from '../../../src/devices/driver';
import type { Reading } from '../../../src/shared/domain/readings';

/**
 * The whole path with real parts for a Nonin driver: the driver's simulator (a factory-fresh
 * device, in format #13) writes through the real serial binding into a socat pty pair; the backend
 * opens the other end, selects the driver's format on open (ACK from the simulator), decodes and
 * publishes. The driver is injected, so no registry entry is needed.
 */
export interface NoninRig {
  readonly device: SimulatedDevice;
  readonly backend: Backend;
  /** Every simulator frame written to the pty, in order. */
  readonly frames: SimulatedValues[];
  readonly readings: Reading[];
  readonly id: string;
}

export async function withNoninRig(
  driver: DeviceDriver,
  seed: number,
  run: (rig: NoninRig) => Promise<void>,
): Promise<void> {
  const device = await startSimulatedDevice(driver.protocol, { driver, seed });
  const frames: SimulatedValues[] = [];
  device.onOutput((out) => frames.push(...out.frames));
  const backend = createBackend({
    host: 'node',
    version: 'test',
    settings: new MemorySettingsStore(),
    resolveDriver: (protocol) => (protocol === driver.protocol ? driver : null),
  });
  const readings: Reading[] = [];
  backend.on('readings', (batch) => readings.push(...batch.readings));
  try {
    const info = await backend.connectDevice({
      path: device.path,
      protocol: driver.protocol,
      simulated: true,
    });
    await run({ device, backend, frames, readings, id: info.id });
  } finally {
    await backend.close();
    await device.stop();
  }
}

export function numericValues(readings: readonly Reading[], metric: string): (number | null)[] {
  return readings.flatMap((r) => (r.type === 'numeric' && r.metric === metric ? [r.value] : []));
}

/** Drops consecutive repeats: [1, 1, 2, 2, 1] → [1, 2, 1]. */
export function collapse<T>(values: readonly T[]): T[] {
  return values.filter((value, i) => i === 0 || value !== values[i - 1]);
}
