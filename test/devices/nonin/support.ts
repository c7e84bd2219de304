import type { DeviceDriver, SimulatedValues } from '../../../src/devices/driver';
import { generateStream } from '../../../src/devices/testing/generate-stream';
import { normalize, pushAll, type NormalizedOutput } from '../support';

export const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);
export const SPO2 = 'MDC_PULS_OXIM_SAT_O2';
export const PULSE = 'MDC_PULS_OXIM_PULS_RATE';
export const PLETH = 'MDC_PULS_OXIM_PLETH';

/** A driver's simulator run through its own host script and decoded chunk by chunk. */
export function decodeSimulated(
  driver: DeviceDriver,
  seconds: number,
  seed: number,
): { out: NormalizedOutput; frames: readonly SimulatedValues[] } {
  const stream = generateStream(driver, seconds, { seed, startMs: T0 });
  const decoder = driver.createDecoder('sim');
  const out = normalize(pushAll(decoder, stream.chunks));
  return { out, frames: stream.frames };
}

/**
 * For a pleth format (#2/#7): the pleth comes back sample for sample, and at every frame the last
 * numeric emitted equals what the simulator says a receiver knows by then — `undefined` (no
 * numeric yet) before the first packet delivered the value, `null` for the missing markers.
 */
export function expectPlethStreamMatchesSimulator(driver: DeviceDriver, seconds: number, seed: number): void {
  const { out, frames: all } = decodeSimulated(driver, seconds, seed);
  const frames = all.filter((f) => PLETH in f);
  expect(out.errors).toEqual([]);
  expect(out.info).toEqual(['format-select=ack']);
  expect(out.samples).toEqual(frames.map((f) => f[PLETH]));
  const indexByMs = new Map(out.sampleTimes.map((t, i) => [Math.round(t), i]));
  let sawNull = false;
  for (const metric of [SPO2, PULSE]) {
    const series = new Array<number | null | undefined>(frames.length).fill(undefined);
    const emittedAt = new Array<boolean>(frames.length).fill(false);
    for (const n of out.numerics.filter((r) => r.metric === metric)) {
      const t = Date.parse(n.time);
      const index = indexByMs.get(t) ?? indexByMs.get(t - 1) ?? indexByMs.get(t + 1);
      if (index === undefined) throw new Error(`numeric at ${n.time} matches no sample`);
      series[index] = n.value;
      emittedAt[index] = true;
    }
    for (let i = 1; i < series.length; i++) if (!emittedAt[i]) series[i] = series[i - 1];
    expect(series).toEqual(frames.map((f) => f[metric]));
    sawNull ||= series.includes(null);
  }
  // The run includes a finger-out episode, so the missing markers are exercised too.
  expect(sawNull).toBe(true);
}
