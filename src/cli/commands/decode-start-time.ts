import type { DecodeEvent } from '../../devices/driver';

export interface TimedChunk {
  readonly t: number;
  readonly bytes: Uint8Array;
}

/**
 * A decoder takes a push's time as the arrival of its *last* byte and places the samples before
 * it (framing/sample-clock.ts), so a whole raw file pushed at `--time` would end there. Decoding is
 * shift-invariant within one push: a dry run finds how far before `t` the first reading lands, and
 * the file is pushed that much later, so its first reading is timed `t`.
 */
export function startingAt(
  list: readonly TimedChunk[],
  dryRun: (bytes: Uint8Array, t: number) => DecodeEvent[],
): TimedChunk[] {
  return list.map(({ t, bytes }) => {
    const first = earliestReadingMs(dryRun(bytes, t));
    return { t: first === null ? t : t + (t - first), bytes };
  });
}

function earliestReadingMs(events: readonly DecodeEvent[]): number | null {
  let earliest: number | null = null;
  for (const event of events) {
    if (event.kind !== 'reading') continue;
    const { reading } = event;
    const ms = Date.parse(reading.type === 'waveform' ? reading.start : reading.time);
    if (earliest === null || ms < earliest) earliest = ms;
  }
  return earliest;
}
