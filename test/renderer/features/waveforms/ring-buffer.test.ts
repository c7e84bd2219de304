import fc from 'fast-check';
import { RingBuffer } from '../../../../src/renderer/features/waveforms/ring-buffer';

describe('RingBuffer', () => {
  it('keeps the newest `capacity` samples, addressed by absolute index', () => {
    const ring = new RingBuffer(3);
    ring.pushAll([1, 2, 3, 4, 5]);
    expect(ring.totalWritten).toBe(5);
    expect(ring.length).toBe(3);
    expect(ring.oldestIndex).toBe(2);
    expect([ring.at(1), ring.at(2), ring.at(3), ring.at(4), ring.at(5)]).toEqual([
      undefined,
      3,
      4,
      5,
      undefined,
    ]);
    expect([...ring.latest(2)]).toEqual([4, 5]);
    expect([...ring.latest(10)]).toEqual([3, 4, 5]);
  });

  it('stores a missing sample as a NaN gap', () => {
    const ring = new RingBuffer(4);
    ring.pushAll([1, null, 3]);
    expect(ring.at(1)).toBeNaN();
    expect(ring.at(2)).toBe(3);
  });

  it('rejects a capacity that is not a positive integer', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN])
      expect(() => new RingBuffer(capacity)).toThrow(TypeError);
  });

  it('behaves like "the last n of everything pushed" for any sequence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 200 }),
        (capacity, values) => {
          const ring = new RingBuffer(capacity);
          ring.pushAll(values);
          const expected = values.slice(-capacity);
          expect([...ring.latest(capacity)]).toEqual(expected);
          expect(ring.length).toBe(expected.length);
          expected.forEach((value, i) => expect(ring.at(values.length - expected.length + i)).toBe(value));
        },
      ),
      { numRuns: 200 },
    );
  });
});
