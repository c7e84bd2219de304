import fc from 'fast-check';

/**
 * When the samples of a regular-rate device reach a host that is busy now and then: the arrival
 * pattern behind issue 11's "waveform time runs backwards under load". Pure and deterministic.
 *
 * The device measures sample k at `deviceTimeOf(k)` and sends it at once, except across a pause
 * (a real gap: nothing measured for a while). Its USB bridge hands the host what it has every
 * `usbIntervalMs` (an FTDI latency timer). The host reads a packet when it arrives, unless it is
 * stalled: then everything that arrived meanwhile is read when the stall ends, in one go — the
 * "delayed then catching up" bursts. Each read may reach the decoder in several chunks with the same
 * arrival time (`split`), and consecutive reads with the same arrival may be joined (`coalesce`).
 */
export interface Stall {
  readonly startMs: number;
  readonly durationMs: number;
}

export interface Pause {
  /** The device stops after this sample… */
  readonly afterSample: number;
  /** …for this long before measuring the next. */
  readonly durationMs: number;
}

export interface LoadedHostOptions {
  readonly rateHz: number;
  readonly samples: number;
  /** Device time of sample 0. */
  readonly startMs?: number;
  readonly usbIntervalMs: number;
  readonly stalls?: readonly Stall[];
  readonly pauses?: readonly Pause[];
  /** Sizes (summing to `count`) of the chunks one read is handed over in; one chunk by default. */
  readonly split?: (count: number, read: number) => readonly number[];
  /** Whether a read is joined to the previous one when both arrive at the same time. */
  readonly coalesce?: (read: number) => boolean;
}

export interface HostChunk {
  readonly arrivalMs: number;
  /** Index of the chunk's first sample. */
  readonly first: number;
  readonly count: number;
}

export function deviceTimeOf(options: LoadedHostOptions, sample: number): number {
  let pausedMs = 0;
  for (const pause of options.pauses ?? []) if (pause.afterSample < sample) pausedMs += pause.durationMs;
  return (options.startMs ?? 0) + (sample * 1000) / options.rateHz + pausedMs;
}

/** The longest a sample can wait between its measurement and its arrival at the decoder. */
export function maxDelayMs(options: LoadedHostOptions): number {
  // Stalls that touch or overlap hold the host as one longer stall.
  const stalls = [...(options.stalls ?? [])].sort((a, b) => a.startMs - b.startMs);
  let longest = 0;
  let start = Number.NEGATIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const stall of stalls) {
    if (stall.durationMs <= 0) continue;
    if (stall.startMs > end) start = stall.startMs;
    end = Math.max(end, stall.startMs + stall.durationMs);
    longest = Math.max(longest, end - start);
  }
  return options.usbIntervalMs + longest;
}

export function loadedHostChunks(options: LoadedHostOptions): HostChunk[] {
  const reads = usbReads(options).map((read) => ({
    ...read,
    arrivalMs: arrivalAfterStalls(options.stalls ?? [], read.arrivalMs),
  }));
  const joined: HostChunk[] = [];
  reads.forEach((read, index) => {
    const previous = joined.at(-1);
    if (previous && previous.arrivalMs === read.arrivalMs && (options.coalesce?.(index) ?? false)) {
      joined[joined.length - 1] = { ...previous, count: previous.count + read.count };
    } else {
      joined.push(read);
    }
  });
  return joined.flatMap((read, index) => splitRead(read, options.split?.(read.count, index) ?? [read.count]));
}

/** When a host under these stalls reads what arrived at `arrivalMs`. */
export function arrivalAfterStalls(stalls: readonly Stall[], arrivalMs: number): number {
  let at = arrivalMs;
  // In start order, so that a stall ending inside the next one carries on to that one's end.
  for (const stall of [...stalls].sort((a, b) => a.startMs - b.startMs)) {
    if (at >= stall.startMs && at < stall.startMs + stall.durationMs) at = stall.startMs + stall.durationMs;
  }
  return at;
}

/** What the bridge hands over at each of its ticks: the samples measured since the previous tick. */
function usbReads(options: LoadedHostOptions): HostChunk[] {
  const reads: HostChunk[] = [];
  const t0 = options.startMs ?? 0;
  let next = 0;
  for (let tick = 0; next < options.samples; tick++) {
    const tickMs = t0 + tick * options.usbIntervalMs;
    const first = next;
    while (next < options.samples && deviceTimeOf(options, next) <= tickMs) next++;
    if (next > first) reads.push({ arrivalMs: tickMs, first, count: next - first });
  }
  return reads;
}

function splitRead(read: HostChunk, sizes: readonly number[]): HostChunk[] {
  const chunks: HostChunk[] = [];
  let first = read.first;
  const end = read.first + read.count;
  for (const size of sizes) {
    if (first >= end) break;
    const count = Math.min(Math.max(1, size), end - first);
    chunks.push({ arrivalMs: read.arrivalMs, first, count });
    first += count;
  }
  if (first < end) chunks.push({ arrivalMs: read.arrivalMs, first, count: end - first });
  return chunks;
}

/** A host's load, for fast-check: see `loadedHost`. */
export interface HostLoad {
  readonly usbIntervalMs: number;
  /** Stalls one after the other: each starts `afterMs` after the previous one ended. */
  readonly stalls: readonly { readonly afterMs: number; readonly durationMs: number }[];
  /** Chunk sizes that reads are split into, in turn. */
  readonly pieces: readonly number[];
  /** Every n-th read is joined to the one before when they arrive together (0: never). */
  readonly coalesceEvery: number;
}

/** Loads as issue 11 saw them: stalls of up to 700 ms, apart, with any chunking. */
export function arbitraryHostLoad(rateHz: number): fc.Arbitrary<HostLoad> {
  return fc.record({
    usbIntervalMs: fc.integer({ min: 1, max: 32 }),
    stalls: fc.array(
      fc.record({ afterMs: fc.integer({ min: 1, max: 2000 }), durationMs: fc.integer({ min: 0, max: 700 }) }),
      { maxLength: 10 },
    ),
    pieces: fc.array(fc.integer({ min: 1, max: Math.max(2, Math.round(rateHz / 4)) }), {
      minLength: 1,
      maxLength: 8,
    }),
    coalesceEvery: fc.integer({ min: 0, max: 3 }),
  });
}

/** `seconds` of a `rateHz` device from device time 1000 through a host under `load`. */
export function loadedHost(
  rateHz: number,
  seconds: number,
  load: HostLoad,
  pauses: readonly Pause[] = [],
): LoadedHostOptions {
  return {
    rateHz,
    samples: Math.round(rateHz * seconds),
    startMs: 1_000,
    usbIntervalMs: load.usbIntervalMs,
    stalls: stallsOf(load, 1_000),
    pauses,
    split: (count, read) => {
      const sizes: number[] = [];
      for (let i = 0, sum = 0; sum < count; i++) {
        const size = load.pieces[(read + i) % load.pieces.length];
        sizes.push(size);
        sum += size;
      }
      return sizes;
    },
    coalesce: (read) => load.coalesceEvery > 0 && read % load.coalesceEvery === 0,
  };
}

/** The load's stalls on a timeline that starts at `fromMs`. */
export function stallsOf(load: HostLoad, fromMs: number): Stall[] {
  const stalls: Stall[] = [];
  let end = fromMs;
  for (const stall of load.stalls) {
    stalls.push({ startMs: end + stall.afterMs, durationMs: stall.durationMs });
    end += stall.afterMs + stall.durationMs;
  }
  return stalls;
}
