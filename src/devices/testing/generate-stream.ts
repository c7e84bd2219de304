import {
  EMPTY_OUTPUT,
  type DeviceDriver,
  type HostStep,
  type SimulatedValues,
  type SimulatorOptions,
  type SimulatorOutput,
} from '../driver';
import { concatBytes } from '../framing/concat';
import { hostOf } from '../host';

/** One simulator output chunk with the device time it was produced at. */
export interface TimedChunk {
  readonly atMs: number;
  readonly bytes: Uint8Array;
}

export interface GeneratedStream {
  /** Device → host bytes, in the order produced. */
  readonly bytes: Uint8Array;
  /** Chunks as the simulator produced them (one per tick or reply), with times. */
  readonly chunks: readonly TimedChunk[];
  /** The simulator's `frames`, concatenated. */
  readonly frames: readonly SimulatedValues[];
}

/**
 * Runs a driver's simulator for `seconds` of device time against the driver's own host side, as a
 * session would: the host's open step at time 0, its replies to each decode event (so downloads
 * and associations really happen), its ticks on schedule, for benchmarks and tests. Pure and
 * deterministic. Stops early if the host ends the conversation with an error.
 */
export function generateStream(
  driver: DeviceDriver,
  seconds: number,
  options: SimulatorOptions & { startMs?: number } = {},
): GeneratedStream {
  const simulator = driver.createSimulator(options);
  const host = hostOf(driver);
  const decoder = driver.createDecoder(`${driver.protocol}@generate`);
  const startMs = options.startMs ?? 0;
  const endMs = startMs + seconds * 1000;
  const chunks: TimedChunk[] = [];
  const frames: SimulatedValues[] = [];
  let failed = false;

  const deliver = (atMs: number, output: SimulatorOutput): void => {
    frames.push(...output.frames);
    if (output.bytes.length === 0) return;
    chunks.push({ atMs, bytes: output.bytes });
    for (const event of decoder.push(output.bytes, atMs)) send(host.onEvent(event, atMs), atMs);
  };
  const send = (step: HostStep, atMs: number): void => {
    if (step.error) failed = true;
    for (const write of step.writes) {
      const output =
        write instanceof Uint8Array
          ? simulator.receive(write, atMs)
          : (simulator.receiveFeatureReport?.(write.featureReport, atMs) ?? EMPTY_OUTPUT);
      deliver(atMs, output);
    }
  };

  send(host.open(startMs), startMs);
  let nextHostTickMs = host.tickIntervalMs > 0 ? startMs + host.tickIntervalMs : Number.POSITIVE_INFINITY;
  for (let atMs = startMs; atMs <= endMs && !failed; atMs += simulator.tickIntervalMs) {
    while (atMs >= nextHostTickMs && !failed) {
      send(host.tick(nextHostTickMs), nextHostTickMs);
      nextHostTickMs += host.tickIntervalMs;
    }
    deliver(atMs, simulator.tick(atMs));
  }
  return { bytes: concatBytes(chunks.map((c) => c.bytes)), chunks, frames };
}
