import type { Reading, WaveformReading } from '../../shared/domain/readings';

/** Starts are rounded to the millisecond: a run that continues another may look 1 ms late. */
const ROUNDING_MS = 1;

/**
 * Joins the waveform readings of one chunk into one run per device and metric. A decoder that
 * emits a waveform reading per frame yields ten one-sample readings for a chunk of ten frames;
 * downstream (IPC, data channel, plots) wants one reading with ten samples. Samples keep stream
 * order and the run keeps the start time of its first sample. Non-waveform readings keep their order.
 *
 * A run that starts after the current one ends is not joined: the decoder broke the run because
 * frames were lost between them, and joining would move its samples earlier and erase the gap.
 */
export function mergeWaveformRuns(readings: readonly Reading[]): Reading[] {
  const out: Reading[] = [];
  const runs = new Map<string, { index: number; samples: (number | null)[]; endMs: number }>();
  for (const reading of readings) {
    if (reading.type !== 'waveform') {
      out.push(reading);
      continue;
    }
    const key = `${reading.device}\u0000${reading.metric}\u0000${reading.unit}\u0000${reading.rateHz}`;
    const run = runs.get(key);
    const periodMs = 1000 / reading.rateHz;
    if (run && Date.parse(reading.start) <= run.endMs + ROUNDING_MS) {
      run.samples.push(...reading.samples);
      run.endMs += reading.samples.length * periodMs;
    } else {
      if (run) closeRun(out, run);
      const endMs = Date.parse(reading.start) + reading.samples.length * periodMs;
      runs.set(key, { index: out.length, samples: [...reading.samples], endMs });
      out.push(reading);
    }
  }
  for (const run of runs.values()) closeRun(out, run);
  return out;
}

/** Writes the joined samples into the run's reading (a new object only when something was joined). */
function closeRun(out: Reading[], run: { index: number; samples: (number | null)[] }): void {
  const first = out[run.index] as WaveformReading;
  if (first.samples.length !== run.samples.length) out[run.index] = { ...first, samples: run.samples };
}
