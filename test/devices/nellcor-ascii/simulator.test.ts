import { LineFramer } from '../../../src/devices/framing/line-framer';
import { nellcorAscii } from '../../../src/devices/nellcor-ascii';
import { parseLine } from '../../../src/devices/nellcor-ascii/frames';
import { NellcorAsciiSimulator } from '../../../src/devices/nellcor-ascii/simulator';
import { expectLineDecoderMatchesSimulator } from '../masimo-ascii/line-stream-checks';

const textOf = (bytes: Uint8Array) => new LineFramer({ maxLineBytes: 256 }).push(bytes);

describe('NellcorAsciiSimulator', () => {
  it('prints the header at power-on, then one data line a second, unsolicited; ignores host bytes', () => {
    const sim = new NellcorAsciiSimulator({ seed: 2 });
    expect(sim.receive(Uint8Array.of(0x31, 0x0d), 0).bytes).toHaveLength(0);
    const first = sim.tick(0);
    expect(first.frames).toHaveLength(1);
    expect(textOf(first.bytes).map((t) => parseLine(t).kind)).toEqual(['info', 'info', 'ignored', 'data']);
    expect(sim.tick(999).frames).toHaveLength(0);
    expect(sim.tick(10_000).frames).toHaveLength(10);
    expect(textOf(sim.tick(11_000).bytes)).toHaveLength(1);
  });

  it('writes lines shaped like the NPB-290 sample, CRLF-terminated', () => {
    const out = new NellcorAsciiSimulator({ seed: 5 }).tick(Date.UTC(1997, 10, 12, 14, 0, 5));
    expect(textOf(out.bytes).at(-1)).toMatch(/^12-NOV-97 14:00:05 \d{2,3} \d{2,3} \d{1,3}$/);
    expect(out.bytes.subarray(-2)).toEqual(Uint8Array.of(0x0d, 0x0a));
  });

  it('shows finger-out as SO then PS with dashes, and motion episodes (MO)', () => {
    const seen = expectLineDecoderMatchesSimulator(nellcorAscii, 600, 3, [
      'MDC_PULS_OXIM_SAT_O2',
      'MDC_PULS_OXIM_PULS_RATE',
    ]);
    expect(seen).toEqual(expect.arrayContaining(['', 'probe-off', 'searching', 'artifact']));
  });

  it('declares 9600 8N1 and an empty host script', () => {
    expect(nellcorAscii.link).toEqual({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(nellcorAscii.host).toEqual({ onOpen: [], onClose: [] });
    expect(nellcorAscii.protocol).toBe('nellcor-ascii');
  });
});
