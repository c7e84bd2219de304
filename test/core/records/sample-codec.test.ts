import fc from 'fast-check';
import { decodeSamples, encodeSamples, SAMPLE_ENCODINGS } from '../../../src/core/records/sample-codec';

describe('sample codec', () => {
  it.each([
    ['pleth counts', [0, 50, 100, 255, null], SAMPLE_ENCODINGS.int16, 2],
    ['ECG mV to 3 decimals', [0.123, -1.5, 2.25, null], SAMPLE_ENCODINGS.int16, 2],
    ['large counts', [100_000, -3, 7], SAMPLE_ENCODINGS.float32, 4],
    ['scaled doubles', [0.1 * 3, 1 / 3], SAMPLE_ENCODINGS.float64, 8],
  ] as const)('%s: smallest exact encoding', (_name, samples, encoding, width) => {
    const encoded = encodeSamples(samples);
    expect(encoded.encoding).toBe(encoding);
    expect(encoded.bytes.length).toBe(samples.length * width);
    expect(decodeSamples(encoded.encoding, encoded.scaleExp, encoded.bytes, samples.length)).toEqual(samples);
  });

  it('round-trips any finite doubles and nulls exactly', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.integer({ min: -40000, max: 40000 }),
            fc.constant(null),
          ),
        ),
        (samples) => {
          const normalised = samples.map((s) => (Object.is(s, -0) ? 0 : s));
          const e = encodeSamples(normalised);
          expect(decodeSamples(e.encoding, e.scaleExp, e.bytes, normalised.length)).toEqual(normalised);
        },
      ),
    );
  });
});
