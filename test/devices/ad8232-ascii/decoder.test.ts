import fc from 'fast-check';
import { Ad8232Decoder } from '../../../src/devices/ad8232-ascii/decoder';
import { encodeLine } from '../../../src/devices/ad8232-ascii/device-encoder';
import { concatBytes } from '../../../src/devices/framing/concat';
import { readingSchema } from '../../../src/shared/domain/readings';
import { expectSameOutput, normalize, pushAll, readingsOf, splitStream } from '../support';

const DEVICE = 'ad8232-ascii@/dev/ttyACM0';
const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);
const text = (s: string) => new TextEncoder().encode(s);
const lines = (values: (number | null)[]) => concatBytes(values.map(encodeLine));
const decoder = () => new Ad8232Decoder(DEVICE, 1023);

describe('Ad8232Decoder', () => {
  it('discards the first line (the port may open mid-line), then one sample per line, unit 1', () => {
    const d = decoder();
    const events = d.push(text('12\r\n512\r\n520\r\n'), T0);
    readingsOf(events).forEach((r) => readingSchema.parse(r));
    expect(readingsOf(events)).toEqual([
      { type: 'status', device: DEVICE, flags: [], time: '2026-11-25T15:59:59.993Z' },
      {
        type: 'waveform',
        device: DEVICE,
        metric: 'MDC_ECG_ELEC_POTL',
        unit: '1',
        rateHz: 150,
        start: '2026-11-25T15:59:59.993Z',
        samples: [512, 520],
      },
    ]);
    expect(d.stats).toEqual({ frames: 2, dropped: 0, skippedBytes: 2 });
  });

  it('! is a null sample and raises lead-off; the flag clears with the next value', () => {
    const out = normalize(decoder().push(lines([1, 500, null, null, 510, null]), T0));
    expect(out.samples).toEqual([500, null, null, 510, null]);
    expect(out.statuses.map((s) => s.flags)).toEqual([[], ['lead-off'], [], ['lead-off']]);
  });

  it('a line that is not a number or ! is a frame error and a lost slot: the run breaks there', () => {
    const d = decoder();
    const events = d.push(concatBytes([lines([1, 500, 501]), text('5O2\r\n1500\r\n'), lines([503])]), T0);
    const waves = readingsOf(events).filter((r) => r.type === 'waveform');
    expect(waves.map((w) => w.type === 'waveform' && w.samples)).toEqual([[500, 501], [503]]);
    expect(normalize(events).errors).toEqual(['malformed', 'out-of-range']);
    const [a, b] = waves.map((w) => (w.type === 'waveform' ? Date.parse(w.start) : 0));
    expect(b - a).toBeCloseTo((4 * 1000) / 150, 0);
    expect(d.stats).toEqual({ frames: 3, dropped: 2, skippedBytes: 1 });
  });

  it('a line with binary noise is dropped exactly where it was, in any chunking', () => {
    const stream = concatBytes([lines([1, 500, 501]), Uint8Array.of(0x35, 0xff, 0x0d, 0x0a), lines([502])]);
    for (let cut = 0; cut <= stream.length; cut++) {
      const d = decoder();
      const events = [...d.push(stream.subarray(0, cut), T0), ...d.push(stream.subarray(cut), T0 + 50)];
      expect(normalize(events).samples).toEqual([500, 501, 502]);
      // No run joins 501 and 502: the dropped line's slot lies between them.
      const joined = readingsOf(events).some(
        (r) => r.type === 'waveform' && r.samples.includes(502) && r.samples.includes(501),
      );
      expect(joined).toBe(false);
      expect(d.stats.dropped).toBe(1);
    }
    const overlong = concatBytes([lines([1, 500]), text(`${'7'.repeat(40)}\r\n`), lines([502])]);
    const out = normalize(decoder().push(overlong, T0));
    expect(out.samples).toEqual([500, 502]);
    expect(out.errors).toEqual(['malformed']);
  });

  it('measures the rate from arrival times and restarts the run at the new rate', () => {
    const d = decoder();
    const rates: number[] = [];
    // 250 lines/s arriving 5 per 20 ms.
    let value = 0;
    for (let t = 0; t <= 3000; t += 20) {
      const events = d.push(lines([0, 1, 2, 3, 4].map(() => 300 + (value++ % 400))), T0 + t);
      for (const r of readingsOf(events)) if (r.type === 'waveform') rates.push(r.rateHz);
    }
    expect(rates[0]).toBe(150);
    expect(rates.at(-1)).toBe(250);
    expect(new Set(rates)).toEqual(new Set([150, 250]));
  });

  it('settles on a non-integer rate under USB jitter without flapping', () => {
    const d = decoder();
    const rates: number[] = [];
    let sent = 0;
    let jitter = 3;
    for (let t = 16; t <= 30_000; t += 16) {
      const due = Math.floor((t * 187.5) / 1000) - sent; // 187.5 lines/s, read every 16 ms (± jitter)
      sent += due;
      jitter = (jitter * 13 + 5) % 9;
      const events = d.push(lines(Array.from({ length: due }, () => 512)), T0 + t + jitter);
      for (const r of readingsOf(events))
        if (r.type === 'waveform' && rates.at(-1) !== r.rateHz) rates.push(r.rateHz);
    }
    expect(rates.length).toBeLessThanOrEqual(3);
    expect(Math.abs(rates.at(-1)! - 187.5) / 187.5).toBeLessThan(0.01);
  });

  it('gives identical output for a split at every byte and random multi-splits', () => {
    // A line is complete at its CR (the framer ends lines there), so that is its sample's end.
    const values = Array.from({ length: 60 }, (_, i) => (i % 17 === 5 ? null : 400 + ((i * 37) % 300)));
    const stream = concatBytes([text('9\r\n'), lines(values)]);
    const ends: number[] = [];
    let offset = 3;
    for (const v of values) ends.push((offset += encodeLine(v).length) - 1);
    const decode = (cuts: number[]) =>
      normalize(pushAll(decoder(), splitStream(stream, cuts, ends, T0, 1000 / 150)));
    const whole = decode([]);
    expect(whole.samples).toEqual(values);
    for (let cut = 1; cut < stream.length; cut++) expectSameOutput(decode([cut]), whole);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 50 }), (cuts) =>
        expectSameOutput(decode(cuts), whole),
      ),
      { numRuns: 300 },
    );
  });

  it('reset forgets the partial line and discards the next first line again', () => {
    const d = decoder();
    d.push(text('1\r\n500\r\n50'), T0);
    d.reset();
    expect(normalize(d.push(text('7\r\n600\r\n'), T0 + 5000)).samples).toEqual([600]);
  });
});
