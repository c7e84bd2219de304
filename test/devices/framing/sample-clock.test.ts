import fc from 'fast-check';
import { DEFAULT_MAX_DRIFT_MS, SampleClock } from '../../../src/devices/framing/sample-clock';
import {
  arbitraryHostLoad,
  deviceTimeOf,
  loadedHost,
  loadedHostChunks,
  maxDelayMs,
  type LoadedHostOptions,
} from './loaded-host';

/** Floating-point slack: times are sums of 1000/rate steps. */
const EPS = 1e-6;

/** Every sample's time, with the arrival of the chunk that carried it. */
function placeAll(clock: SampleClock, chunks: readonly { arrivalMs: number; count: number }[]) {
  const times: number[] = [];
  const arrivals: number[] = [];
  for (const chunk of chunks) {
    const first = clock.place(chunk.arrivalMs, chunk.count);
    for (let i = 0; i < chunk.count; i++) {
      times.push(first + i * clock.periodMs);
      arrivals.push(chunk.arrivalMs);
    }
  }
  return { times, arrivals };
}

/** Steps between consecutive samples that are longer than one period. */
function jumps(times: readonly number[], periodMs: number): { after: number; ms: number }[] {
  const out: { after: number; ms: number }[] = [];
  for (let k = 1; k < times.length; k++) {
    const extra = times[k] - times[k - 1] - periodMs;
    if (extra > EPS) out.push({ after: k - 1, ms: extra });
  }
  return out;
}

function expectNeverBack(times: readonly number[], periodMs: number): void {
  for (let k = 1; k < times.length; k++)
    expect(times[k] - times[k - 1]).toBeGreaterThanOrEqual(periodMs - EPS);
}

describe('SampleClock', () => {
  const period = 1000 / 60;

  it('anchors the first chunk so its last sample is at the arrival time', () => {
    const clock = new SampleClock(60);
    expect(clock.place(1000, 4)).toBeCloseTo(1000 - 3 * period);
    expect(clock.reanchors).toBe(1);
  });

  it('continues the timeline for chunks that arrive late but within the drift bound (jitter)', () => {
    const clock = new SampleClock(60);
    const first = clock.place(1000, 3);
    expect(clock.place(1000 + 3 * period + 40, 3)).toBeCloseTo(first + 3 * period);
    expect(clock.place(first + 6 * period + DEFAULT_MAX_DRIFT_MS, 1)).toBeCloseTo(first + 6 * period);
    expect(clock.reanchors).toBe(1);
  });

  it('never goes back: a chunk that arrives early for the timeline continues it (the issue 11 overlap)', () => {
    // The host was busy when the first chunk came: it is read 600 ms late. The next chunks come on
    // time, so they look early; pulling the timeline back would start them inside the first batch.
    const clock = new SampleClock(60);
    const first = clock.place(1600, 10);
    const second = clock.place(1000 + 5 * period, 5);
    expect(second).toBeCloseTo(first + 10 * period);
    expect(clock.leadMs).toBeCloseTo(600);
    expect(clock.reanchors).toBe(1);
  });

  it('gives two 1 Hz lines read in the same millisecond two times one second apart (the duplicate)', () => {
    // Pulling back placed the second line at the first one's time: Masimo and Nellcor emit every
    // line's numerics, so the same SpO2 at the same time went out twice.
    const clock = new SampleClock(1);
    expect(clock.place(5000, 1)).toBe(5000);
    expect(clock.place(5000, 1)).toBe(6000);
  });

  it('jumps forward on a real gap, so that the gap shows, with the last sample at its arrival', () => {
    const clock = new SampleClock(60, { maxDriftMs: 250 });
    clock.place(1000, 1);
    expect(clock.place(1000 + period + 250, 1)).toBeCloseTo(1000 + period);
    expect(clock.place(5000, 2)).toBeCloseTo(5000 - period);
    expect(clock.reanchors).toBe(2);
    expect(clock.leadMs).toBe(0);
  });

  it('anchors afresh after a reset, though never before a sample it already placed', () => {
    const clock = new SampleClock(60);
    clock.place(1000, 1);
    clock.reset();
    expect(clock.place(9000, 1)).toBe(9000);
    clock.reset();
    // A reconnect whose first chunk claims an earlier time than the last sample: continue instead.
    expect(clock.place(8000, 3)).toBeCloseTo(9000 + period);
    expect(clock.reanchors).toBe(3);
  });

  it('tells the time the next sample would get when a push holds no sample', () => {
    const clock = new SampleClock(60);
    expect(clock.place(700, 0)).toBe(700);
    clock.place(1000, 2);
    expect(clock.place(5000, 0)).toBeCloseTo(1000 + period);
    clock.reset();
    expect(clock.place(900, 0)).toBeCloseTo(1000 + period);
  });

  it('continues the same timeline at a measured rate', () => {
    const clock = new SampleClock(100, { maxDriftMs: 300 });
    clock.place(1000, 10);
    const faster = clock.atRate(125);
    expect(faster.periodMs).toBe(8);
    // Its first sample is the old clock's next (1010), even for a chunk that looks early.
    expect(faster.place(1005, 2)).toBe(1010);
    expect(faster.place(1026 + 299, 1)).toBe(1026);
    expect(faster.place(1034 + 301, 1)).toBe(1335);
    // A NaN arrival counts as the last one the old clock saw.
    expect(clock.atRate(50).place(Number.NaN, 1)).toBe(1010);
    // A first chunk late within the drift bound continues too: a rate change is not a gap.
    const continued = clock.atRate(125);
    expect(continued.place(1010 + 8 + 200, 2)).toBe(1010);
    expect(continued.reanchors).toBe(0);
    // A clock that never placed a sample has no timeline to continue.
    expect(new SampleClock(100).atRate(50).place(500, 1)).toBe(500);
  });

  it('survives a non-finite arrival by taking the previous one', () => {
    const clock = new SampleClock(60);
    clock.place(9000, 1);
    expect(clock.place(Number.NaN, 1)).toBeCloseTo(9000 + period);
    expect(clock.place(Number.POSITIVE_INFINITY, 1)).toBeCloseTo(9000 + 2 * period);
    expect(clock.reanchors).toBe(1);
  });

  it('rejects a bad rate or drift bound', () => {
    expect(() => new SampleClock(0)).toThrow(
      new TypeError('SampleClock: rateHz must be a positive number, got 0'),
    );
    expect(() => new SampleClock(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => new SampleClock(Number.NaN)).toThrow(TypeError);
    expect(() => new SampleClock(60, { maxDriftMs: -1 })).toThrow(
      new TypeError('SampleClock: maxDriftMs must be >= 0, got -1'),
    );
    expect(() => new SampleClock(60, { maxDriftMs: Number.NaN })).toThrow(TypeError);
    expect(new SampleClock(60, { maxDriftMs: 0 }).periodMs).toBeCloseTo(period);
  });

  it('gives the same times for any chunking whose arrivals agree with a regular stream', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 60, 75, 250),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }),
        (rateHz, sizesA, sizesB) => {
          const total = sizesA.reduce((a, b) => a + b, 0);
          // Chunking B covers the same samples: its sizes, then the rest in one chunk.
          const sizesOfB: number[] = [];
          let left = total;
          for (const size of sizesB) {
            const take = Math.min(size, left);
            sizesOfB.push(take);
            left -= take;
          }
          if (left > 0) sizesOfB.push(left);
          const timesOf = (sizes: readonly number[]): number[] => {
            const clock = new SampleClock(rateHz);
            const out: number[] = [];
            let sent = 0;
            for (const size of sizes) {
              sent += size;
              const first = clock.place(500 + ((sent - 1) * 1000) / rateHz, size);
              for (let i = 0; i < size; i++) out.push(Math.round((first + (i * 1000) / rateHz) * 1e6) / 1e6);
            }
            return out;
          };
          expect(timesOf(sizesOfB)).toEqual(timesOf(sizesA));
        },
      ),
    );
  });
});

describe('SampleClock on a loaded host (bursts delayed up to 700 ms, then catching up)', () => {
  it('absorbs the jitter: one period between every two samples, never back, lag and lead bounded', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(1, 3, 60, 75, 250)
          .chain((rateHz) => fc.tuple(fc.constant(rateHz), arbitraryHostLoad(rateHz))),
        ([rateHz, load]) => {
          const host = loadedHost(rateHz, 8, load);
          const chunks = loadedHostChunks(host);
          const clock = new SampleClock(rateHz);
          const { times, arrivals } = placeAll(clock, chunks);
          expect(times).toHaveLength(host.samples);
          expectNeverBack(times, clock.periodMs);
          expect(jumps(times, clock.periodMs)).toEqual([]);
          const delay = maxDelayMs(host);
          expect(delay).toBeLessThan(DEFAULT_MAX_DRIFT_MS);
          // Never later than the arrival plus the worst delay, and off the device's own time by no
          // more than that delay, either way.
          const late = times.filter((t, k) => t > arrivals[k] + delay + EPS);
          const off = times.filter((t, k) => Math.abs(t - deviceTimeOf(host, k)) > delay + EPS);
          expect({ late, off }).toEqual({ late: [], off: [] });
          expect(clock.reanchors).toBe(1);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps a real pause (longer than the drift bound plus the worst delay) as a gap where it happened', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 60, 75),
        arbitraryHostLoad(60),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 3000 }),
        (rateHz, load, pauseAtS, extraMs) => {
          const host0 = loadedHost(rateHz, 8, load);
          const pauseMs = DEFAULT_MAX_DRIFT_MS + maxDelayMs(host0) + 1 + extraMs;
          const afterSample = pauseAtS * rateHz;
          const host = loadedHost(rateHz, 8, load, [{ afterSample, durationMs: pauseMs }]);
          const chunks = loadedHostChunks(host);
          const clock = new SampleClock(rateHz);
          const { times } = placeAll(clock, chunks);
          expectNeverBack(times, clock.periodMs);
          const found = jumps(times, clock.periodMs);
          expect(found).toHaveLength(1);
          const [gap] = found;
          // The gap is at the pause, or before it when the chunk that ended the pause also carried
          // samples from before it (a stalled host read both at once).
          const chunkOfResume = chunks.find(
            (c) => c.first <= afterSample + 1 && afterSample + 1 < c.first + c.count,
          )!;
          expect(gap.after).toBeLessThanOrEqual(afterSample);
          expect(gap.after).toBeGreaterThanOrEqual(chunkOfResume.first - 1);
          expect(gap.ms).toBeGreaterThanOrEqual(pauseMs - maxDelayMs(host));
          expect(gap.ms).toBeLessThanOrEqual(pauseMs + maxDelayMs(host) + EPS);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('replays the issue: 20 % of 60 Hz batches delayed up to 680 ms give not one overlap', () => {
    const stalls = Array.from({ length: 30 }, (_, i) => ({
      startMs: 1_000 + i * 1_000 + 137,
      durationMs: 680,
    }));
    const host: LoadedHostOptions = {
      rateHz: 60,
      samples: 60 * 30,
      startMs: 1_000,
      usbIntervalMs: 16,
      stalls,
    };
    const chunks = loadedHostChunks(host);
    const clock = new SampleClock(60);
    const { times } = placeAll(clock, chunks);
    expectNeverBack(times, clock.periodMs);
    expect(jumps(times, clock.periodMs)).toEqual([]);
    // The same arrivals on a clock that pulled its anchor back overlapped by up to 680 ms.
    const delayed = chunks.filter((c) => c.arrivalMs - deviceTimeOf(host, c.first + c.count - 1) > 100);
    expect(delayed.length / chunks.length).toBeGreaterThan(0.1);
  });
});
