import type { DecodeEvent, Decoder } from '../../src/devices/driver';
import type { NumericReading, StatusReading, WaveformReading } from '../../src/shared/domain/readings';

/** Test helpers for decoders: chunk feeding and split-independent views of the output. */

export interface TimedPush {
  readonly bytes: Uint8Array;
  readonly atMs: number;
}

export function pushAll(decoder: Decoder, pushes: readonly TimedPush[]): DecodeEvent[] {
  return pushes.flatMap((p) => decoder.push(p.bytes, p.atMs));
}

/**
 * Splits `stream` at `cuts`, giving each chunk the arrival time consistent with a regular stream:
 * the device time of the last sample completed by the chunk's end (`sampleEnds` are the byte
 * offsets where each sample's frame ends).
 */
export function splitStream(
  stream: Uint8Array,
  cuts: readonly number[],
  sampleEnds: readonly number[],
  t0: number,
  periodMs: number,
): TimedPush[] {
  const bounds = [...new Set([0, ...cuts.filter((c) => c > 0 && c < stream.length), stream.length])].sort(
    (a, b) => a - b,
  );
  const pushes: TimedPush[] = [];
  for (let i = 1; i < bounds.length; i++) {
    const end = bounds[i];
    const completed = sampleEnds.filter((e) => e <= end).length;
    pushes.push({
      bytes: stream.subarray(bounds[i - 1], end),
      atMs: t0 + Math.max(0, completed - 1) * periodMs,
    });
  }
  return pushes;
}

export interface NormalizedOutput {
  numerics: Omit<NumericReading, 'type' | 'device'>[];
  statuses: Omit<StatusReading, 'type' | 'device'>[];
  samples: (number | null)[];
  /** Per-sample time in ms, from each waveform's start and rate. */
  sampleTimes: number[];
  info: string[];
  errors: string[];
}

/** The output with waveform runs merged, so different chunkings can be compared. */
export function normalize(events: readonly DecodeEvent[]): NormalizedOutput {
  const out: NormalizedOutput = {
    numerics: [],
    statuses: [],
    samples: [],
    sampleTimes: [],
    info: [],
    errors: [],
  };
  for (const e of events) {
    if (e.kind === 'device-info') out.info.push(`${e.key}=${e.value}`);
    else if (e.kind === 'frame-error' || e.kind === 'value-error') out.errors.push(e.code);
    else if (e.reading.type === 'numeric') {
      const { metric, value, unit, time } = e.reading;
      out.numerics.push({ metric, value, unit, time });
    } else if (e.reading.type === 'status') {
      out.statuses.push({ flags: e.reading.flags, time: e.reading.time });
    } else {
      const w: WaveformReading = e.reading;
      const start = Date.parse(w.start);
      w.samples.forEach((s, i) => {
        out.samples.push(s);
        out.sampleTimes.push(start + (i * 1000) / w.rateHz);
      });
    }
  }
  return out;
}

/** Same output, sample times equal within 1 ms (a run's start is rounded to whole ms). */
export function expectSameOutput(actual: NormalizedOutput, expected: NormalizedOutput): void {
  expect({ ...actual, sampleTimes: [] }).toEqual({ ...expected, sampleTimes: [] });
  expect(actual.sampleTimes).toHaveLength(expected.sampleTimes.length);
  actual.sampleTimes.forEach((t, i) => {
    if (Math.abs(t - expected.sampleTimes[i]) > 1.01) {
      throw new Error(`sample ${i} at ${t}, expected ${expected.sampleTimes[i]}`);
    }
  });
}

export function readingsOf(events: readonly DecodeEvent[]) {
  return events.flatMap((e) => (e.kind === 'reading' ? [e.reading] : []));
}
