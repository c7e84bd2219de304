import { ad8232Ascii, createAd8232AsciiDriver } from '../../../src/devices/ad8232-ascii';
import { Ad8232Simulator } from '../../../src/devices/ad8232-ascii/simulator';
import { generateStream } from '../../../src/devices/testing/generate-stream';
import { normalize, pushAll } from '../support';

const METRIC = 'MDC_ECG_ELEC_POTL';

describe('Ad8232Simulator', () => {
  it('joins mid-line, then prints a steady 150 lines/s of device time; host bytes are ignored', () => {
    const sim = new Ad8232Simulator({ seed: 4 });
    const first = sim.tick(0);
    expect(first.frames).toEqual([]);
    expect(new TextDecoder().decode(first.bytes)).toMatch(/^\d{1,3}\r\n$/);
    expect(sim.receive(new TextEncoder().encode('b'), 10).bytes).toHaveLength(0);
    expect(sim.tick(1000).frames).toHaveLength(150);
    const out = sim.tick(2000);
    expect(out.frames).toHaveLength(150);
    expect(new TextDecoder().decode(out.bytes).split('\r\n')).toHaveLength(151);
  });

  it('decoded simulator bytes reproduce every value, lead-off episodes included', () => {
    const stream = generateStream(ad8232Ascii, 60, { seed: 8, startMs: Date.UTC(2026, 0, 1) });
    const decoder = ad8232Ascii.createDecoder('sim');
    const events = pushAll(decoder, stream.chunks);
    const out = normalize(events);
    expect(out.samples).toEqual(stream.frames.map((f) => f[METRIC]));
    expect(out.errors).toEqual([]);
    expect(out.samples).toContain(null);
    expect(out.statuses.map((s) => s.flags.join())).toEqual(expect.arrayContaining(['lead-off', '']));
    const rates = new Set(
      events.flatMap((e) =>
        e.kind === 'reading' && e.reading.type === 'waveform' ? [e.reading.rateHz] : [],
      ),
    );
    expect(rates).toEqual(new Set([150]));
  });

  it('plausible ECG in ADC counts: baseline near 512, R waves about 300 counts up, 60–90 bpm', () => {
    const stream = generateStream(ad8232Ascii, 60, { seed: 2 });
    const samples = stream.frames.map((f) => f[METRIC]);
    let beats = 0;
    for (let k = 1; k < samples.length; k++) {
      const [a, b] = [samples[k - 1], samples[k]];
      if (a !== null && b !== null && b >= 700 && a < 700) beats++;
    }
    const leadOffS = samples.filter((v) => v === null).length / 150;
    expect(beats / ((60 - leadOffS) / 60)).toBeGreaterThanOrEqual(58);
    expect(beats / ((60 - leadOffS) / 60)).toBeLessThanOrEqual(92);
    expect(leadOffS).toBeGreaterThanOrEqual(1);
  });
});

describe('ad8232Ascii driver', () => {
  it('declares 9600 8N1 and no host script; 115200 and 12-bit boards by option', () => {
    expect(ad8232Ascii.link).toEqual({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(ad8232Ascii.host).toEqual({ onOpen: [], onClose: [] });
    const clone = createAd8232AsciiDriver({ baudRate: 115200, adcBits: 12 });
    expect(clone.link).toMatchObject({ baudRate: 115200 });
    const out = normalize(
      clone.createDecoder('x').push(new TextEncoder().encode('1\r\n4095\r\n4096\r\n'), 0),
    );
    expect(out.samples).toEqual([4095]);
    expect(out.errors).toEqual(['out-of-range']);
  });
  it('rejects a bad configuration at creation', () => {
    expect(() => createAd8232AsciiDriver({ baudRate: 0 })).toThrow(/baud/);
    expect(() => createAd8232AsciiDriver({ adcBits: 17 })).toThrow(/bits/);
  });
});
