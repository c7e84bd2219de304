import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordCapture } from '../../../src/core/transports/capture-recorder';
import {
  CaptureFormatError,
  formatCaptureChunk,
  formatCaptureHeader,
  looksLikeCapture,
  parseCapture,
} from '../../../src/core/transports/capture-format';
import { FakeTransport } from '../../helpers/fake-transport';

const HEADER = formatCaptureHeader({
  protocol: 'contec-cms50-v7',
  path: '/dev/ttyUSB0',
  startedAt: '2026-11-25T16:49:08.123Z',
});

describe('capture format', () => {
  it('round-trips a header and chunks of every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = [
      HEADER,
      formatCaptureChunk({ t: 1000, dir: 'out', bytes: Uint8Array.of(0x7d, 0x81, 0xa1) }),
      formatCaptureChunk({ t: 1001.5, dir: 'in', bytes: all }),
    ].join('\n');
    const capture = parseCapture(`${text}\n`);
    expect(capture.header).toEqual({
      format: 'teleconsult-capture',
      version: 1,
      protocol: 'contec-cms50-v7',
      path: '/dev/ttyUSB0',
      startedAt: '2026-11-25T16:49:08.123Z',
    });
    expect(capture.chunks).toEqual([
      { t: 1000, dir: 'out', bytes: Uint8Array.of(0x7d, 0x81, 0xa1) },
      { t: 1001.5, dir: 'in', bytes: all },
    ]);
    expect(looksLikeCapture(new TextEncoder().encode(text))).toBe(true);
    expect(looksLikeCapture(Uint8Array.of(0x01, 0xe0, 0x85))).toBe(false);
  });

  it.each([
    ['not JSON', 'nope', 2, 'not valid JSON'],
    ['odd hex', '{"t":1,"dir":"in","hex":"abc"}', 2, 'hex'],
    ['non-hex digits', '{"t":1,"dir":"in","hex":"zz"}', 2, 'hex'],
    ['bad direction', '{"t":1,"dir":"sideways","hex":"00"}', 2, 'dir'],
    ['negative time', '{"t":-5,"dir":"in","hex":"00"}', 2, 't'],
    ['unknown field', '{"t":1,"dir":"in","hex":"00","x":1}', 2, 'x'],
  ])('rejects a chunk line with %s, naming the line', (_name, line, lineNo, field) => {
    const parse = () => parseCapture(`${HEADER}\n${line}\n`);
    expect(parse).toThrow(CaptureFormatError);
    expect(parse).toThrow(new RegExp(`^capture line ${lineNo}: .*${field}`));
  });

  it('rejects a missing or wrong header', () => {
    expect(() => parseCapture('')).toThrow('capture line 1: empty capture');
    expect(() => parseCapture('{"format":"other","version":1}\n')).toThrow(/capture line 1: bad header/);
    expect(() => parseCapture(HEADER.replace('"version":1', '"version":2'))).toThrow(/version/);
  });
});

describe('recordCapture', () => {
  it('tees both directions of a transport to a capture file that parses back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'capture-'));
    try {
      const file = join(dir, 'x.capture.jsonl');
      const inner = new FakeTransport('/dev/ttyUSB7');
      const recorder = await recordCapture(inner, { file, protocol: 'contec-cms50-v7', now: () => 5000 });
      await recorder.transport.open();
      await recorder.transport.write(Uint8Array.of(0x7d, 0x81, 0xa1));
      inner.emitData([0x01, 0xe0, 0x85], 5001);
      await recorder.stop();
      inner.emitData([0x02], 5002);
      const capture = parseCapture(await readFile(file, 'utf8'));
      expect(capture.header).toMatchObject({
        protocol: 'contec-cms50-v7',
        path: '/dev/ttyUSB7',
        startedAt: '1970-01-01T00:00:05.000Z',
      });
      expect(capture.chunks).toEqual([
        { t: 5000, dir: 'out', bytes: Uint8Array.of(0x7d, 0x81, 0xa1) },
        { t: 5001, dir: 'in', bytes: Uint8Array.of(0x01, 0xe0, 0x85) },
      ]);
      expect(recorder.chunkCount).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
