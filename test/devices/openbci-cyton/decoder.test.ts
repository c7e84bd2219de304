import fc from 'fast-check';
import { CytonDecoder } from '../../../src/devices/openbci-cyton/decoder';
import { encodePacket, encodeText } from '../../../src/devices/openbci-cyton/device-encoder';
import { countsToMv } from '../../../src/devices/openbci-cyton/frames';
import { SOFT_RESET_BANNER } from '../../../src/devices/openbci-cyton/simulator';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema } from '../../../src/shared/domain/readings';
import { pushAll, readingsOf, splitStream } from '../support';
import { byLead, packets, stream } from './helpers';

const DEVICE = 'openbci-cyton@/dev/ttyUSB0';
const PERIOD = 4;
const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);
const I = 'MDC_ECG_ELEC_POTL_I';
const II = 'MDC_ECG_ELEC_POTL_II';
const III = 'MDC_ECG_ELEC_POTL_III';
const mv = (i: number, channel: number) => countsToMv((i + 1) * 1000 * channel * (channel % 2 ? 1 : -1), 24);

describe('CytonDecoder', () => {
  it('emits channels 1, 2, 3 as leads I, II, III in mV, one run per push, 250 Hz', () => {
    const events = new CytonDecoder(DEVICE).push(stream(packets(5)), T0);
    const readings = readingsOf(events);
    readings.forEach((r) => readingSchema.parse(r));
    expect(readings.map((r) => r.type === 'waveform' && [r.metric, r.unit, r.rateHz])).toEqual([
      [I, 'mV', 250],
      [II, 'mV', 250],
      [III, 'mV', 250],
    ]);
    const out = byLead(events);
    expect(out.samples[I]).toEqual([0, 1, 2, 3, 4].map((i) => mv(i, 1)));
    expect(out.samples[II]).toEqual([0, 1, 2, 3, 4].map((i) => mv(i, 2)));
    expect(out.samples[III]).toEqual([0, 1, 2, 3, 4].map((i) => mv(i, 3)));
    expect(out.samples[I][0]).toBe(0.0224); // 1000 counts × 0.02235 µV
    // The last sample is placed at the arrival time; the others one period apart before it.
    expect(out.times).toEqual([16, 12, 8, 4, 0].map((d) => T0 - d));
  });

  it('follows a custom lead map and gain; unmapped channels are not emitted', () => {
    const decoder = new CytonDecoder(DEVICE, { leadMap: { 4: 'MDC_ECG_ELEC_POTL_V1' }, gain: 1 });
    const out = byLead(decoder.push(stream(packets(2)), T0));
    expect(Object.keys(out.samples)).toEqual(['MDC_ECG_ELEC_POTL_V1']);
    expect(out.samples['MDC_ECG_ELEC_POTL_V1']).toEqual([-4000, -8000].map((c) => countsToMv(c, 1)));
  });

  it('a sample-number gap breaks the run, counts the lost packets and leaves their time slots', () => {
    const all = packets(10);
    const decoder = new CytonDecoder(DEVICE);
    const out = byLead(decoder.push(stream([...all.slice(0, 4), ...all.slice(7)]), T0));
    expect(out.runs).toBe(2);
    expect(out.samples[I]).toEqual([0, 1, 2, 3, 7, 8, 9].map((i) => mv(i, 1)));
    expect(out.times[4] - out.times[3]).toBe(4 * PERIOD);
    expect(decoder.stats).toEqual({ frames: 7, dropped: 0, skippedBytes: 0, lostPackets: 3 });
  });

  it('the sample number wraps 255 → 0 without a gap; a repeated one is dropped and counted', () => {
    const decoder = new CytonDecoder(DEVICE);
    const wrap = packets(4, 254);
    const out = byLead(decoder.push(stream([...wrap.slice(0, 3), wrap[2], wrap[3]]), T0));
    expect(out.runs).toBe(1);
    expect(out.samples[I]).toHaveLength(4);
    expect(out.errors).toEqual(['malformed']);
    expect(decoder.stats).toMatchObject({ frames: 4, dropped: 1, lostPackets: 0 });
  });

  it('reads the board text between packets: banner, board, firmware; no gap counted across it', () => {
    const decoder = new CytonDecoder(DEVICE);
    const events = decoder.push(
      stream([...packets(2), encodeText(SOFT_RESET_BANNER), ...packets(2, 100)]),
      T0,
    );
    const out = byLead(events);
    expect(out.info).toEqual([
      `board-message=${SOFT_RESET_BANNER.trim()}`,
      'board=OpenBCI V3 8-16 channel',
      'firmware=v3.1.1',
    ]);
    expect(out.samples[I]).toHaveLength(4);
    expect(decoder.stats).toEqual({ frames: 5, dropped: 0, skippedBytes: 0, lostPackets: 0 });
  });

  it('skips garbage and resyncs on the next packet; a lone packet shape in garbage is not taken', () => {
    const decoder = new CytonDecoder(DEVICE);
    // A0 … C0 shape, 33 bytes, followed by neither a packet nor anything continuing it.
    const fake = encodePacket({ sampleNumber: 9, channels: [777] });
    const garbage = hexToBytes('00 FF A0 C0 13');
    const out = byLead(decoder.push(stream([garbage, fake, garbage, ...packets(3, 50)]), T0));
    expect(out.samples[I]).toEqual([0, 1, 2].map((i) => mv(i, 1)));
    expect(decoder.stats).toEqual({ frames: 3, dropped: 0, skippedBytes: 5 + 33 + 5, lostPackets: 0 });
  });

  it('a packet in sync whose footer is broken is dropped and counted; the next one resyncs', () => {
    const all = packets(6);
    const broken = Uint8Array.from(all[2]);
    broken[32] = 0x00;
    const decoder = new CytonDecoder(DEVICE);
    const out = byLead(decoder.push(stream([all[0], all[1], broken, all[3], all[4], all[5]]), T0));
    expect(out.errors).toEqual(['malformed']);
    expect(out.samples[I]).toEqual([0, 1, 3, 4, 5].map((i) => mv(i, 1)));
    expect(decoder.stats).toMatchObject({ frames: 5, dropped: 1, lostPackets: 1 });
  });

  it('an unconfirmed first packet waits for the next one (no checksum: sync is the only check)', () => {
    const decoder = new CytonDecoder(DEVICE);
    const [a, b] = packets(2);
    expect(byLead(decoder.push(a, T0)).samples).toEqual({});
    expect(byLead(decoder.push(b.subarray(0, 32), T0 + 4)).samples).toEqual({});
    expect(byLead(decoder.push(b.subarray(32), T0 + 4)).samples[I]).toEqual([mv(0, 1), mv(1, 1)]);
  });

  it('reset forgets partial packets and the last sample number', () => {
    const decoder = new CytonDecoder(DEVICE);
    const all = packets(4);
    decoder.push(stream([all[0], all[1], all[2].subarray(0, 10)]), T0);
    decoder.reset();
    const out = byLead(decoder.push(stream(packets(2, 200)), T0 + 1000));
    expect(out.samples[I]).toHaveLength(2);
    expect(decoder.stats.lostPackets).toBe(0);
  });

  describe('any chunking gives the same output', () => {
    const parts = [
      hexToBytes('41 42'),
      ...packets(6),
      encodeText('Success: Channel set for 3\n'),
      ...packets(5, 20),
    ];
    const whole = stream(parts);
    const sampleEnds: number[] = [];
    let offset = 0;
    for (const p of parts) {
      offset += p.length;
      if (p.length === 33) sampleEnds.push(offset);
    }
    const decode = (cuts: number[]) =>
      byLead(pushAll(new CytonDecoder(DEVICE), splitStream(whole, cuts, sampleEnds, T0, PERIOD)));
    const sameAs = (actual: ReturnType<typeof decode>, expected: ReturnType<typeof decode>) => {
      expect({ ...actual, times: [], runs: 0 }).toEqual({ ...expected, times: [], runs: 0 });
      actual.times.forEach((t, i) => expect(Math.abs(t - expected.times[i])).toBeLessThanOrEqual(1.01));
    };
    const reference = decode([]);

    it('every single cut', () => {
      expect(reference.samples[I]).toHaveLength(11);
      for (let cut = 1; cut < whole.length; cut++) sameAs(decode([cut]), reference);
    });
    it('random multi-splits', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: whole.length - 1 }), { maxLength: 40 }), (cuts) =>
          sameAs(decode(cuts), reference),
        ),
        { numRuns: 300 },
      );
    });
  });
});
