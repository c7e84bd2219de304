import fc from 'fast-check';
import { asciiBytes, LineFramer } from '../../../src/devices/framing/line-framer';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function framed(chunks: readonly Uint8Array[], maxLineBytes = 32) {
  const framer = new LineFramer({ maxLineBytes });
  const lines = chunks.flatMap((c) => framer.push(c));
  return { lines, stats: framer.stats };
}

function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const bounds = [...new Set([0, ...cuts, bytes.length])].sort((a, b) => a - b);
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
}

describe('LineFramer', () => {
  it('splits on CRLF, LFCR, lone CR and lone LF, and returns no blank lines', () => {
    expect(framed([ascii('a\r\nbb\n\rccc\rdddd\n\n\r\r\neeeee')])).toEqual({
      lines: ['a', 'bb', 'ccc', 'dddd'],
      stats: { lines: 4, overlongLines: 0, nonTextLines: 0, dropped: 0, droppedBytes: 0 },
    });
  });

  it('keeps a partial line until its end arrives, and returns lines verbatim (spaces, TAB)', () => {
    const framer = new LineFramer({ maxLineBytes: 32 });
    expect(framer.push(ascii(' x\ty '))).toEqual([]);
    expect(framer.push(ascii('z\r'))).toEqual([' x\ty z']);
    expect(framer.push(ascii('\n'))).toEqual([]);
    expect(framer.stats.lines).toBe(1);
  });

  it('accepts a line of exactly maxLineBytes; drops a longer one and resyncs at the next line end', () => {
    const eight = 'ABCDEFGH';
    expect(framed([ascii(`${eight}\n${eight}I\nok\n`)], 8)).toEqual({
      lines: [eight, 'ok'],
      stats: { lines: 2, overlongLines: 1, nonTextLines: 0, dropped: 1, droppedBytes: 9 },
    });
    // The same, the overlong line arriving over many pushes (bounded memory while discarding).
    const framer = new LineFramer({ maxLineBytes: 8 });
    for (let i = 0; i < 1000; i++) expect(framer.push(ascii('0123456789'))).toEqual([]);
    expect(framer.push(ascii('\r\nnext\r\n'))).toEqual(['next']);
    expect(framer.stats).toMatchObject({ overlongLines: 1, droppedBytes: 10_000 });
  });

  it('drops and counts a line holding a byte that is not printable ASCII', () => {
    for (const bad of [0x00, 0x07, 0x1b, 0x7f, 0x80, 0xff]) {
      const bytes = Uint8Array.of(...ascii('good\nba'), bad, ...ascii('d\nalso good\n'));
      expect(framed([bytes])).toEqual({
        lines: ['good', 'also good'],
        stats: { lines: 2, overlongLines: 0, nonTextLines: 1, dropped: 1, droppedBytes: 4 },
      });
    }
  });

  it('asciiBytes encodes text for device encoders (non-ASCII becomes "?")', () => {
    expect([...asciiBytes('A1 \r\n')]).toEqual([0x41, 0x31, 0x20, 0x0d, 0x0a]);
    expect([...asciiBytes('é')]).toEqual([0x3f]);
    expect(new LineFramer({ maxLineBytes: 8 }).push(asciiBytes('SPO2=98\r\n'))).toEqual(['SPO2=98']);
  });

  it('rejects a bad bound with a clear error', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 70_000]) {
      expect(() => new LineFramer({ maxLineBytes: bad })).toThrow(/maxLineBytes/);
    }
  });

  it('reset forgets the partial line but keeps the counters', () => {
    const framer = new LineFramer({ maxLineBytes: 4 });
    framer.push(ascii('toolong\nhal'));
    framer.reset();
    expect(framer.push(ascii('f\n'))).toEqual(['f']);
    expect(framer.stats).toMatchObject({ lines: 1, overlongLines: 1 });
  });

  it('gives the same lines and counts for every chunking (fuzz)', () => {
    const alphabet = fc.constantFrom(0x0d, 0x0a, 0x41, 0x20, 0x39, 0x09, 0x00, 0xc3, 0x7e);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.array(alphabet, { maxLength: 200 }),
        fc.array(fc.nat({ max: 400 }), { maxLength: 30 }),
        (random, texty, cuts) => {
          const bytes = Uint8Array.from([...random, ...texty]);
          const whole = framed([bytes], 16);
          expect(framed(splitAt(bytes, cuts), 16)).toEqual(whole);
          expect(
            framed(
              [...bytes].map((b) => Uint8Array.of(b)),
              16,
            ),
          ).toEqual(whole);
          for (const line of whole.lines) expect(line).toMatch(/^[\x20-\x7e\t]{1,16}$/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
