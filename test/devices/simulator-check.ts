import type { DeviceDriver } from '../../src/devices/driver';
import { generateStream } from '../../src/devices/testing/generate-stream';
import { normalize, pushAll } from './support';

const PLETH = 'MDC_PULS_OXIM_PLETH';

/**
 * Runs a driver's simulator, decodes its bytes chunk by chunk with the chunks' own times, and checks
 * that every frame's values come back: pleth sample for sample, and each numeric as the last value
 * emitted at or before that frame's time (numerics are emitted on change).
 */
export function expectDecodedMatchesSimulator(driver: DeviceDriver, seconds: number, seed: number): void {
  const stream = generateStream(driver, seconds, { seed, startMs: Date.UTC(2026, 0, 1) });
  const out = normalize(
    pushAll(
      driver.createDecoder('sim'),
      stream.chunks.map((c) => ({ bytes: c.bytes, atMs: c.atMs })),
    ),
  );
  const frames = stream.frames.filter((f) => PLETH in f);
  expect(out.errors).toEqual([]);
  expect(out.samples).toEqual(frames.map((f) => f[PLETH]));
  const sampleIndexByMs = new Map(out.sampleTimes.map((t, i) => [Math.round(t), i]));
  const metrics = Object.keys(frames[0]).filter((m) => m !== PLETH);
  const current: Record<string, (number | null)[]> = {};
  for (const metric of metrics) current[metric] = new Array<number | null>(frames.length).fill(Number.NaN);
  for (const n of out.numerics) {
    const t = Date.parse(n.time);
    const index = sampleIndexByMs.get(t) ?? sampleIndexByMs.get(t - 1) ?? sampleIndexByMs.get(t + 1);
    if (index === undefined) throw new Error(`numeric at ${n.time} matches no sample`);
    current[n.metric][index] = n.value;
  }
  let seenProbeOff = false;
  for (const metric of metrics) {
    const series = current[metric];
    for (let i = 1; i < series.length; i++) if (Number.isNaN(series[i])) series[i] = series[i - 1]!;
    expect(series).toEqual(frames.map((f) => f[metric]));
    seenProbeOff ||= series.includes(null);
  }
  // The run is long enough to include a finger-out episode, so invalid values are exercised too.
  expect(seenProbeOff).toBe(true);
}
