import type { Reading, WaveformReading } from '../../shared/domain/readings';

/**
 * Joins the waveform readings of one chunk into one run per device and metric. A chunk holding ten
 * frames yields ten one-sample waveform readings from the decoder; downstream (IPC, data channel,
 * plots) wants one reading with ten samples. Samples keep stream order and the run keeps the start
 * time of its first sample. Non-waveform readings keep their order.
 */
export function mergeWaveformRuns(readings: readonly Reading[]): Reading[] {
  const out: Reading[] = [];
  const runs = new Map<string, { index: number; samples: (number | null)[] }>();
  for (const reading of readings) {
    if (reading.type !== 'waveform') {
      out.push(reading);
      continue;
    }
    const key = `${reading.device}\u0000${reading.metric}\u0000${reading.unit}\u0000${reading.rateHz}`;
    const run = runs.get(key);
    if (run) {
      run.samples.push(...reading.samples);
    } else {
      runs.set(key, { index: out.length, samples: [...reading.samples] });
      out.push(reading);
    }
  }
  for (const run of runs.values()) {
    const first = out[run.index] as WaveformReading;
    if (first.samples.length !== run.samples.length) out[run.index] = { ...first, samples: run.samples };
  }
  return out;
}
