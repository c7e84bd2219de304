import fc from 'fast-check';
import { LINE_UNREADABLE, readLine, readLineBytes } from '../../../src/devices/ad8232-ascii/frames';
import { AdcLineReader } from '../../../src/devices/ad8232-ascii/line-reader';
import { LineFramer } from '../../../src/devices/framing/line-framer';

const MAX_LINE = 16;
const MAX_VALUE = 1023;

/** What the shared LineFramer makes of `chunks`, line by line, with drops in place. */
function viaFramer(chunks: Uint8Array[]): number[] {
  const framer = new LineFramer({ maxLineBytes: MAX_LINE });
  const codes: number[] = [];
  for (const chunk of chunks) {
    for (const byte of chunk) {
      const before = framer.stats.dropped;
      for (const line of framer.push(Uint8Array.of(byte))) codes.push(readLine(line, MAX_VALUE));
      if (framer.stats.dropped > before) codes.push(LINE_UNREADABLE);
    }
  }
  return codes;
}

function viaReader(chunks: Uint8Array[]): number[] {
  const reader = new AdcLineReader(MAX_LINE, MAX_VALUE);
  const codes: number[] = [];
  for (const chunk of chunks) {
    const count = reader.push(chunk);
    for (let k = 0; k < count; k++) codes.push(reader.codes[k]);
  }
  return codes;
}

/** Bytes mostly like the sketch's output, with some noise, long lines and odd line ends. */
const sketchish = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...'0123456789!\r\n \t'.split('')) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => String.fromCharCode(b)) },
      { weight: 1, arbitrary: fc.constant('9'.repeat(20)) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => Uint8Array.from(parts.join(''), (c) => c.charCodeAt(0)));

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const bounds = [...new Set([0, ...cuts.map((c) => c % (bytes.length + 1)), bytes.length])].sort(
    (a, b) => a - b,
  );
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
}

describe('AdcLineReader', () => {
  it('reads the same lines, drops in the same places, as the shared LineFramer, for any chunking', () => {
    fc.assert(
      fc.property(sketchish, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        expect(viaReader(split(bytes, cuts))).toEqual(viaFramer([bytes]));
      }),
      { numRuns: 1000 },
    );
  });

  it('readLineBytes equals readLine for any line', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~\t]{0,12}$/), (line) => {
        const bytes = Uint8Array.from(line, (c) => c.charCodeAt(0));
        expect(readLineBytes(bytes, 0, bytes.length, MAX_VALUE)).toBe(readLine(line, MAX_VALUE));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the text of error lines for messages, and byte lengths', () => {
    const reader = new AdcLineReader(MAX_LINE, MAX_VALUE);
    expect(reader.push(new TextEncoder().encode('512\r\nabc\r\n'))).toBe(2);
    expect([reader.codes[0], reader.lengths[0], reader.textOf(1)]).toEqual([512, 3, 'abc']);
  });
});
