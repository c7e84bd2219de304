import { ad8232Ascii, createAd8232AsciiDriver } from '../../../src/devices/ad8232-ascii';
import type { DecodeEvent } from '../../../src/devices/driver';
import { normalize, readingsOf } from '../support';

/**
 * The sketch's markers and limits, pinned by byte literals written from the PROTOCOL.md line
 * table (never through our encoder): `!` (0x21) is a lead off, a value is ASCII digits, lines end
 * in CR LF (0x0D 0x0A) from println, and analogRead's 10 bits stop at 1023.
 */

const DEVICE = 'ad8232-ascii@/dev/ttyACM0';
const T0 = Date.UTC(2026, 11, 5, 10, 0, 0);
/** "9\r\n" (cut first line, discarded), "500\r\n", "!\r\n", "!\r\n", "510\r\n" */
const LEAD_OFF_EPISODE = Uint8Array.of(
  0x39, 0x0d, 0x0a,
  0x35, 0x30, 0x30, 0x0d, 0x0a,
  0x21, 0x0d, 0x0a,
  0x21, 0x0d, 0x0a,
  0x35, 0x31, 0x30, 0x0d, 0x0a,
); // prettier-ignore

const order = (events: readonly DecodeEvent[]) =>
  readingsOf(events).map((r) => (r.type === 'status' ? `status ${r.flags.join()}` : r.type));

describe('AD8232 lead off: the device flag wins', () => {
  it('"!" (0x21) is a null sample with the lead-off status, raised before the samples it voids', () => {
    const decoder = ad8232Ascii.createDecoder(DEVICE);
    const events = decoder.push(LEAD_OFF_EPISODE, T0);
    expect(normalize(events).samples).toEqual([500, null, null, 510]);
    expect(normalize(events).statuses.map((s) => s.flags)).toEqual([[], ['lead-off'], []]);
    // Status readings are emitted as the lines are read; the run's waveform after them.
    expect(order(events)).toEqual(['status ', 'status lead-off', 'status ', 'waveform']);
  });

  it('"!" with spaces around it is the marker too; "!!" is not', () => {
    const decoder = ad8232Ascii.createDecoder(DEVICE);
    const events = decoder.push(Uint8Array.of(0x31, 0x0a, 0x20, 0x21, 0x09, 0x0a, 0x21, 0x21, 0x0a), T0);
    expect(normalize(events).samples).toEqual([null]);
    expect(normalize(events).errors).toEqual(['malformed']);
  });
});

describe('AD8232 ADC range', () => {
  it('10 bits: "1023" (31 30 32 33) is a sample, "1024" (31 30 32 34) is out-of-range and a lost slot', () => {
    const decoder = ad8232Ascii.createDecoder(DEVICE);
    const events = decoder.push(
      Uint8Array.of(
        0x30,
        0x0a,
        0x31,
        0x30,
        0x32,
        0x33,
        0x0d,
        0x0a,
        0x31,
        0x30,
        0x32,
        0x34,
        0x0d,
        0x0a,
        0x30,
        0x0d,
        0x0a,
      ),
      T0,
    );
    expect(normalize(events).samples).toEqual([1023, 0]);
    expect(events.filter((e) => e.kind === 'frame-error')).toMatchObject([{ code: 'out-of-range' }]);
    expect(decoder.stats).toMatchObject({ frames: 2, dropped: 1 });
  });

  it('12 bits (adcBits 12): 4095 is a sample, 4096 is out of range', () => {
    const decoder = createAd8232AsciiDriver({ adcBits: 12 }).createDecoder(DEVICE);
    const text = new TextEncoder().encode('0\r\n4095\r\n4096\r\n');
    const events = decoder.push(text, T0);
    expect(normalize(events).samples).toEqual([4095]);
    expect(normalize(events).errors).toEqual(['out-of-range']);
  });
});
