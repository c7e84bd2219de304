import { createBackend } from '../../src/core/backend';
import type { Backend } from '../../src/core/backend-types';
import { MemorySettingsStore } from '../../src/core/settings/memory-settings-store';
import { startSimulatedDevice, type SimulatedDevice } from '../../src/core/sim/simulated-device';
import { createHidTransport } from '../../src/core/transports/node-hid-transport';
import { isHidLink, type DeviceDriver, type SimulatedValues } from '../../src/devices/driver';
import type { DeviceInfo } from '../../src/shared/domain/devices';
import type { Reading } from '../../src/shared/domain/readings';
import { FakeHidModule } from './fake-hid';
import { hasSocat, waitFor } from './pty';

/**
 * The shared harness of the device integration tests (test/core/integration): a backend with one
 * injected driver (no registry entry needed) recording what it publishes, fed either by the
 * driver's simulator through a socat pty pair and the real serial binding, or by a fake node-hid
 * module behind the real HID transport. Each test then only states what its protocol must deliver.
 */
export const describeWithSocat = hasSocat() ? describe : describe.skip;

/** A backend that knows only `driver`, and everything it published so far. */
export interface Station {
  readonly backend: Backend;
  readonly readings: Reading[];
  readonly states: DeviceInfo[];
}

type TransportFactory = NonNullable<Parameters<typeof createBackend>[0]['createTransport']>;

export function createStation(driver: DeviceDriver, createTransport?: TransportFactory): Station {
  const backend = createBackend({
    host: 'node',
    version: 'test',
    settings: new MemorySettingsStore(),
    resolveDriver: (protocol) => (protocol === driver.protocol ? driver : null),
    ...(createTransport ? { createTransport } : {}),
  });
  const readings: Reading[] = [];
  const states: DeviceInfo[] = [];
  backend.on('readings', (batch) => readings.push(...batch.readings));
  backend.on('device.state', (info) => states.push(info));
  return { backend, readings, states };
}

/** A station whose HID devices are fakes added to `hid` (no virtual HID exists on build machines). */
export function createHidStation(driver: DeviceDriver): Station & { readonly hid: FakeHidModule } {
  const hid = new FakeHidModule();
  const station = createStation(driver, (path, link) => {
    if (!isHidLink(link)) throw new TypeError('expected a HID link');
    return createHidTransport(path, link, Date.now, { hid });
  });
  return { ...station, hid };
}

export interface SimulatedRig extends Station {
  readonly device: SimulatedDevice;
  /** Every simulator frame written to the pty, in order. */
  readonly frames: SimulatedValues[];
  /** The connected device's id. */
  readonly id: string;
}

export interface SimulatedRigOptions {
  readonly seed?: number;
  /** Runs before the station connects, e.g. to listen to everything the device writes. */
  readonly beforeConnect?: (device: SimulatedDevice) => void;
}

/**
 * Starts `driver`'s simulator on a pty pair, connects a station to the other end, runs `run`, and
 * closes both whatever happens.
 */
export async function withSimulatedDevice(
  driver: DeviceDriver,
  options: SimulatedRigOptions,
  run: (rig: SimulatedRig) => Promise<void>,
): Promise<void> {
  const { seed, beforeConnect } = options;
  const device = await startSimulatedDevice(driver.protocol, {
    driver,
    ...(seed === undefined ? {} : { seed }),
  });
  const frames: SimulatedValues[] = [];
  device.onOutput((out) => frames.push(...out.frames));
  const station = createStation(driver);
  try {
    beforeConnect?.(device);
    const info = await station.backend.connectDevice({
      path: device.path,
      protocol: driver.protocol,
      simulated: true,
    });
    await run({ ...station, device, frames, id: info.id });
  } finally {
    await station.backend.close();
    await device.stop();
  }
}

/** The first (only) connected device, as `devices.list` reports it. */
export async function deviceInfo(backend: Backend): Promise<DeviceInfo | undefined> {
  const [info] = await backend.api['devices.list']({});
  return info;
}

export const STREAMING_CLEAN = { state: 'streaming', droppedFrames: 0, error: null } as const;

export function numericValues(readings: readonly Reading[], metric: string): (number | null)[] {
  return readings.flatMap((r) => (r.type === 'numeric' && r.metric === metric ? [r.value] : []));
}

/** Every waveform sample received, of `metric` or of any waveform. */
export function waveformSamples(readings: readonly Reading[], metric?: string): (number | null)[] {
  return readings.flatMap((r) =>
    r.type === 'waveform' && (metric === undefined || r.metric === metric) ? r.samples : [],
  );
}

/** Drops consecutive repeats: [1, 1, 2, 2, 1] → [1, 2, 1]. */
export function collapse<T>(values: readonly T[]): T[] {
  return values.filter((value, i) => i === 0 || value !== values[i - 1]);
}

/**
 * Asserts that the values received per metric are a contiguous run of the simulator's frames,
 * starting at most `maxLost` frames in: a streaming device that talks from power-on loses what it
 * wrote before the station opened the port.
 */
export function expectContiguousRun(
  frames: readonly SimulatedValues[],
  received: Readonly<Record<string, readonly (number | null)[]>>,
  maxLost: number,
): void {
  const metrics = Object.keys(received);
  const offset = frames.findIndex((_, k) =>
    metrics.every((metric) => received[metric].every((v, i) => frames[k + i]?.[metric] === v)),
  );
  expect(offset).toBeGreaterThanOrEqual(0);
  expect(offset).toBeLessThanOrEqual(maxLost);
}

/**
 * For a device that streams numeric lines from power-on: waits for `lines` values of the first
 * metric, then asserts they — every metric — are a contiguous run of what the simulator wrote (a
 * line written before the station opened the port may be lost), with a status reading and a
 * clean streaming session.
 */
export async function expectNumericLinesDelivered(
  { backend, frames, readings }: SimulatedRig,
  metrics: readonly string[],
  lines: number,
): Promise<void> {
  await waitFor(() => numericValues(readings, metrics[0]).length >= lines, 4000, `${lines} lines`);
  const received = Object.fromEntries(metrics.map((m) => [m, numericValues(readings, m).slice(0, lines)]));
  expectContiguousRun(frames, received, 1);
  expect(readings.some((r) => r.type === 'status')).toBe(true);
  expect(await deviceInfo(backend)).toMatchObject(STREAMING_CLEAN);
}
