import { LineFramer } from '../../../src/devices/framing/line-framer';
import { masimoAscii } from '../../../src/devices/masimo-ascii';
import { parseLine } from '../../../src/devices/masimo-ascii/frames';
import { MasimoAsciiSimulator } from '../../../src/devices/masimo-ascii/simulator';
import { expectLineDecoderMatchesSimulator } from './line-stream-checks';

const textOf = (bytes: Uint8Array) => new LineFramer({ maxLineBytes: 256 }).push(bytes);

describe('MasimoAsciiSimulator', () => {
  it('streams one line a second of device time, unsolicited, and ignores host bytes', () => {
    const sim = new MasimoAsciiSimulator({ seed: 2 });
    expect(sim.receive(Uint8Array.of(0x41, 0x0d), 0).bytes).toHaveLength(0);
    expect(sim.tick(999).frames).toHaveLength(1); // due at 0
    expect(sim.tick(1000).frames).toHaveLength(1);
    expect(sim.tick(1500).frames).toHaveLength(0);
    expect(sim.tick(10_000).frames).toHaveLength(9);
  });

  it('writes Radical-7 lines with PVI by default and Rad-8 lines on request, CRLF-terminated', () => {
    const start = Date.UTC(2026, 1, 22, 22, 47, 45);
    const radical = new MasimoAsciiSimulator({ seed: 5 }).tick(start);
    const [text] = textOf(radical.bytes);
    expect(text).toMatch(
      /^02\/22\/26 22:47:45 SN=\d{10} SPO2=\d{3}% BPM=\d{3} PI=\d\d\.\d\d% SPCO=\d\d\.\d% /,
    );
    expect(text).toMatch(/ DESAT=-- PIDELTA=\+-- PVI=\d{3} ALARM=0000 EXC=000800$/);
    expect(radical.bytes.subarray(-2)).toEqual(Uint8Array.of(0x0d, 0x0a));
    const [rad8] = textOf(new MasimoAsciiSimulator({ seed: 5, variant: 'rad-8' }).tick(start).bytes);
    expect(rad8).toMatch(/ SPCO=--\.-% SPMET=--\.-% DESAT=-- PIDELTA=\+-- ALARM=0000 EXC=000800$/);
    expect(parseLine(rad8)).toMatchObject({ pvi: undefined, spco: null });
  });

  it('shows finger-out as sensor off then pulse search with dashes, and interference episodes', () => {
    const seen = expectLineDecoderMatchesSimulator(masimoAscii, 600, 3, [
      'MDC_PULS_OXIM_SAT_O2',
      'MDC_PULS_OXIM_PULS_RATE',
      'MDC_PULS_OXIM_PERF_REL',
    ]);
    expect(seen).toEqual(expect.arrayContaining(['', 'probe-off', 'searching', 'artifact']));
  });

  it('declares 9600 8N1 without handshake and an empty host script', () => {
    expect(masimoAscii.link).toEqual({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(masimoAscii.host).toEqual({ onOpen: [], onClose: [] });
    expect(masimoAscii.protocol).toBe('masimo-ascii');
  });
});
