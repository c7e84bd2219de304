import type { DeviceDriver, SimulatedValues, SimulatorOptions } from '../driver';
import { concatBytes } from '../framing/concat';

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
 * Runs a driver's simulator for `seconds` of device time against the driver's own host script
 * (onOpen at time 0, keep-alives on schedule), for benchmarks and tests. Pure and deterministic.
 */
export function generateStream(
  driver: DeviceDriver,
  seconds: number,
  options: SimulatorOptions & { startMs?: number } = {},
): GeneratedStream {
  const simulator = driver.createSimulator(options);
  const startMs = options.startMs ?? 0;
  const endMs = startMs + seconds * 1000;
  const chunks: TimedChunk[] = [];
  const frames: SimulatedValues[] = [];
  const collect = (atMs: number, output: { bytes: Uint8Array; frames: readonly SimulatedValues[] }): void => {
    if (output.bytes.length > 0) chunks.push({ atMs, bytes: output.bytes });
    frames.push(...output.frames);
  };
  for (const command of driver.host.onOpen) collect(startMs, simulator.receive(command, startMs));
  const keepAlive = driver.host.keepAlive;
  let nextKeepAliveMs = keepAlive ? startMs + keepAlive.intervalMs : Number.POSITIVE_INFINITY;
  for (let atMs = startMs; atMs <= endMs; atMs += simulator.tickIntervalMs) {
    if (keepAlive && atMs >= nextKeepAliveMs) {
      collect(atMs, simulator.receive(keepAlive.bytes, atMs));
      nextKeepAliveMs += keepAlive.intervalMs;
    }
    collect(atMs, simulator.tick(atMs));
  }
  return { bytes: concatBytes(chunks.map((c) => c.bytes)), chunks, frames };
}
