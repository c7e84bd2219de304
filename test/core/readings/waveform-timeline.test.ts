import fc from 'fast-check';
import { noCorrections, WaveformTimeline } from '../../../src/core/readings/waveform-timeline';
import { isoTimeOf, type WaveformReading } from '../../../src/shared/domain/readings';

const T0 = Date.UTC(2026, 10, 25, 16, 49, 8);

function wave(startMs: number, samples: (number | null)[], rateHz = 50): WaveformReading {
  return {
    type: 'waveform',
    device: 'd',
    metric: 'MDC_PULS_OXIM_PLETH',
    unit: '1',
    rateHz,
    start: isoTimeOf(Math.round(startMs)),
    samples,
  };
}

describe('WaveformTimeline', () => {
  it('passes waveforms that continue or follow the previous one (a gap stays a gap)', () => {
    const timeline = new WaveformTimeline();
    const counts = noCorrections();
    const a = wave(T0, [1, 2, 3]);
    const b = wave(T0 + 60, [4, 5]);
    const c = wave(T0 + 5000, [6]);
    expect([a, b, c].map((w) => timeline.admit(w, counts))).toEqual([a, b, c]);
    expect(counts).toEqual(noCorrections());
  });

  it('takes a start up to 1 ms early as millisecond rounding, not an overlap', () => {
    const timeline = new WaveformTimeline();
    const counts = noCorrections();
    // 60 Hz: the second run starts at T0 + 16.67 ms, written 17 ms, while the first is written T0.
    timeline.admit(wave(T0 + 0.4, [1], 60), counts);
    const next = wave(T0 + 1000 / 60 - 0.4, [2], 60);
    expect(timeline.admit(next, counts)).toBe(next);
    expect(counts).toEqual(noCorrections());
  });

  it('drops a waveform sent twice', () => {
    const timeline = new WaveformTimeline();
    const counts = noCorrections();
    const a = wave(T0, [1, 2, 3]);
    timeline.admit(a, counts);
    expect(timeline.admit({ ...a, samples: [...a.samples] }, counts)).toBeNull();
    expect(counts).toEqual({ duplicates: 1, shiftedWaveforms: 0, maxShiftMs: 0 });
  });

  it('shifts, never trims, samples whose values repeat the previous ones: they match by chance too', () => {
    const timeline = new WaveformTimeline();
    const counts = noCorrections();
    timeline.admit(wave(T0, [1, 2, 3, 4]), counts);
    expect(timeline.admit(wave(T0 + 40, [3, 4, 5, 6]), counts)).toEqual(wave(T0 + 80, [3, 4, 5, 6]));
    expect(counts).toEqual({ duplicates: 0, shiftedWaveforms: 1, maxShiftMs: 40 });
  });

  it('shifts new samples that a restarted clock placed inside the previous waveform to its end', () => {
    const timeline = new WaveformTimeline();
    const counts = noCorrections();
    timeline.admit(wave(T0, [1, 2, 3, 4, 5]), counts); // ends at T0 + 100
    expect(timeline.admit(wave(T0 + 30, [7, 8]), counts)).toEqual(wave(T0 + 100, [7, 8]));
    // The restarted clock's next run continues its own (earlier) timeline: moved along too.
    expect(timeline.admit(wave(T0 + 70, [9]), counts)).toEqual(wave(T0 + 140, [9]));
    expect(counts).toEqual({ duplicates: 0, shiftedWaveforms: 2, maxShiftMs: 70 });
  });

  it('shifts whatever the values, the overlap or the rate', () => {
    const cases: [WaveformReading, WaveformReading][] = [
      [wave(T0, [1, 2, 3]), wave(T0 + 20, [9, 3, 4])],
      [wave(T0, [1, 2, 3]), wave(T0 + 30, [3, 4])],
      [wave(T0, [1, 2, 3]), wave(T0 + 40, [3, 4], 100)],
      // Overlapping more samples than the previous waveform had.
      [wave(T0, [1]), wave(T0 - 40, [1, 1, 1])],
    ];
    for (const [first, second] of cases) {
      const timeline = new WaveformTimeline();
      const counts = noCorrections();
      timeline.admit(first, counts);
      const endMs = Date.parse(first.start) + (first.samples.length * 1000) / first.rateHz;
      expect(timeline.admit(second, counts)).toEqual({ ...second, start: isoTimeOf(endMs) });
      expect(counts.shiftedWaveforms).toBe(1);
    }
  });

  it('lets out a channel that never goes back and keeps every sample but exact repeats (fast-check)', () => {
    const batch = fc.record({
      // Where the batch starts relative to the previous end, in periods (negative: overlap).
      offset: fc.integer({ min: -8, max: 3 }),
      jitterMs: fc.constantFrom(0, 0.4, -0.4, 7),
      samples: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 40 }), (batches) => {
        const timeline = new WaveformTimeline();
        const counts = noCorrections();
        let endMs = T0;
        let previousOutEnd = Number.NEGATIVE_INFINITY;
        let sent = 0;
        let received = 0;
        let inDuplicates = 0;
        for (const b of batches) {
          const startMs = endMs + b.offset * 20 + b.jitterMs;
          endMs = startMs + b.samples.length * 20;
          received += b.samples.length;
          const duplicatesBefore = counts.duplicates;
          const out = timeline.admit(wave(startMs, b.samples), counts);
          if (counts.duplicates > duplicatesBefore) inDuplicates += b.samples.length;
          if (out === null) continue;
          const outStart = Date.parse(out.start);
          expect(outStart).toBeGreaterThanOrEqual(previousOutEnd - 1);
          previousOutEnd = outStart + out.samples.length * 20;
          sent += out.samples.length;
        }
        // Every sample left, but those of a waveform dropped as a repeat.
        expect(sent + inDuplicates).toBe(received);
      }),
    );
  });
});
