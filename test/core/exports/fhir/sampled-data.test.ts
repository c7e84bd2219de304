import { decodeSampledData, sampledData } from '../../../../src/core/exports/fhir/sampled-data';
import { CHUNK_MS } from '../../../../src/core/exports/fhir/waveform-observations';
import type { WaveformSegment } from '../../../../src/core/exports/export-source';
import { ECG, fixtureConsultation, OXIMETER } from '../../../helpers/consultation-fixture';
import { allSegments, at, codings, exportOf, resources, variant } from './bundle-helpers';

/** Waveforms survive the trip: SampledData chunks decode back to the recorded samples. */

interface Decoded {
  readonly startMs: number;
  readonly periodMs: number;
  readonly samples: (number | null)[];
}

/** Every chunk of one channel in the bundle, decoded, in time order. */
function decodeChannel(result: ReturnType<typeof exportOf>, mdcCode: number): Decoded[] {
  const out: Decoded[] = [];
  for (const observation of resources(result, 'Observation')) {
    const holders = [observation, ...((at(observation, 'component') as object[] | undefined) ?? [])];
    for (const holder of holders) {
      const data = at(holder, 'valueSampledData') as
        | { origin: { value: number }; period: number; factor?: number; dimensions: number; data: string }
        | undefined;
      if (data === undefined || !codings(holder as never, 'code').some((c) => c.code === String(mdcCode)))
        continue;
      expect(data.dimensions).toBe(1);
      out.push({
        startMs: Date.parse(at(observation, 'effectiveDateTime') as string),
        periodMs: data.period,
        samples: decodeSampledData(data.data, data.origin.value, data.factor),
      });
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

/** Puts invalid samples (null) into the first ECG lead and cuts a 2.5 s gap into the pleth. */
const base = fixtureConsultation({ minutes: 1 });
const source = variant(base, {
  segments: (segments) =>
    segments.flatMap((segment): WaveformSegment[] => {
      if (segment.metric === 'MDC_ECG_ELEC_POTL_I') {
        return [{ ...segment, samples: segment.samples.map((s, i) => (i % 1000 === 7 ? null : s)) }];
      }
      if (segment.metric === 'MDC_PULS_OXIM_PLETH') {
        const cut = 60 * 20;
        return [
          { ...segment, samples: segment.samples.slice(0, cut) },
          {
            ...segment,
            startMs: segment.startMs + ((cut + 150) * 1000) / 60,
            samples: segment.samples.slice(cut + 150),
          },
        ];
      }
      return [segment];
    }),
});
const result = exportOf(source);

describe('waveforms as SampledData', () => {
  test.each([
    ['ECG lead I (with invalid samples)', ECG, 'MDC_ECG_ELEC_POTL_I', 131329],
    ['ECG lead III', ECG, 'MDC_ECG_ELEC_POTL_III', 131389],
    ['pleth (with a gap)', OXIMETER, 'MDC_PULS_OXIM_PLETH', 150452],
  ] as const)('%s decodes back to the recorded samples', (_name, device, metric, code) => {
    const recorded = allSegments(source).filter((s) => s.device === device && s.metric === metric);
    const chunks = decodeChannel(result, code);
    expect(chunks.length).toBeGreaterThan(recorded.length);

    for (const chunk of chunks) {
      // ≤ 10 s per chunk; period in ms.
      expect(chunk.samples.length * chunk.periodMs).toBeLessThanOrEqual(CHUNK_MS + 1e-6);
    }
    // Rebuild each recorded segment from consecutive chunks: same samples (null ↔ E), same times.
    let index = 0;
    for (const segment of recorded) {
      const period = 1000 / segment.rateHz;
      const rebuilt: (number | null)[] = [];
      while (index < chunks.length && rebuilt.length < segment.samples.length) {
        const chunk = chunks[index];
        const expectedStart = segment.startMs + rebuilt.length * period;
        expect(Math.abs(chunk.startMs - expectedStart)).toBeLessThan(1); // ISO keeps whole ms
        expect(chunk.periodMs).toBeCloseTo(period, 9);
        rebuilt.push(...chunk.samples);
        index++;
      }
      // -0 (a tiny negative rounded) is written "0": equal as a value, not to toEqual.
      expect(rebuilt).toEqual(segment.samples.map((s) => (s === null ? null : s + 0)));
    }
    expect(index).toBe(chunks.length);
    if (metric === 'MDC_ECG_ELEC_POTL_I') expect(chunks.flatMap((c) => c.samples)).toContain(null);
  });

  test('ECG leads 3 × 250 Hz are integers with factor 0.001 mV', () => {
    const ecg = resources(result, 'Observation').find((o) =>
      codings(o, 'code').some((c) => c.code === '131328'),
    );
    const first = at(ecg, 'component', 0, 'valueSampledData') as {
      factor: number;
      data: string;
      period: number;
    };
    expect(first.factor).toBe(0.001);
    expect(first.period).toBe(4);
    expect(first.data).toMatch(/^(-?\d+|E)( (-?\d+|E))*$/);
    expect(at(ecg, 'component') as unknown[]).toHaveLength(3);
  });
});

describe('sampledData encoding', () => {
  test('integers need no factor', () => {
    expect(sampledData([1, 2, -3], 100, '1')).toEqual({
      origin: { value: 0, unit: '1', system: 'http://unitsofmeasure.org', code: '1' },
      period: 10,
      dimensions: 1,
      data: '1 2 -3',
    });
  });

  test('the fewest decimals become the factor; invalid samples are E', () => {
    const encoded = sampledData([0.5, null, -1.25, Number.NaN, 0.001], 250, 'mV');
    expect(encoded).toMatchObject({ factor: 0.001, data: '500 E -1250 E 1' });
    expect(decodeSampledData(encoded.data as string, 0, 0.001)).toEqual([0.5, null, -1.25, null, 0.001]);
  });

  test('values with more than 6 decimals are written as they are', () => {
    const encoded = sampledData([Math.PI, 1], 1, 'mV');
    expect(encoded.factor).toBeUndefined();
    expect(decodeSampledData(encoded.data as string, 0)).toEqual([Math.PI, 1]);
  });

  test('the base fixture has no gaps or invalid samples (the variant above adds them)', () => {
    expect(
      allSegments(base)
        .flatMap((s) => s.samples)
        .includes(null),
    ).toBe(false);
  });
});
