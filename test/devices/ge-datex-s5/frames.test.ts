import fc from 'fast-check';
import {
  encodeTransmissionRequest,
  readTransmissionRequest,
  requestDisplayedValues,
  stopDisplayedValues,
} from '../../../src/devices/ge-datex-s5/commands';
import { HEADER, HEADER_LENGTH, PHDB_CLASS_WORD_OFFSET } from '../../../src/devices/ge-datex-s5/constants';
import { buildDisplayedRecord } from '../../../src/devices/ge-datex-s5/device-encoder';
import { encodeFrame, FlagFramer } from '../../../src/devices/ge-datex-s5/flag-framer';
import { BASIC_FIELDS, parseRecord, scaleValue } from '../../../src/devices/ge-datex-s5/frames';
import { bytesToHex, hexToBytes } from '../../../src/devices/framing/hex';
import { recordWithRaw, TYPICAL, withChecksum } from './records';

/** Unescaped frames (record + checksum) found in `bytes`. */
function framesOf(bytes: Uint8Array): string[] {
  const found: string[] = [];
  new FlagFramer().feed(bytes, {
    frame: (b, n) => found.push(bytesToHex(b.subarray(0, n))),
    malformed: (detail) => found.push(`malformed: ${detail}`),
  });
  return found;
}

describe('DRI framing (device-protocols §7.2)', () => {
  it('escapes 7E as 7D 5E and 7D as 7D 5D; the checksum is the sum of the unescaped bytes', () => {
    // 0x7E + 0x7D + 0x01 = 0xFC
    expect(bytesToHex(encodeFrame(hexToBytes('7E 7D 01')))).toBe('7E 7D 5E 7D 5D 01 FC 7E');
    expect(framesOf(hexToBytes('7E 7D 5E 7D 5D 01 FC 7E'))).toEqual(['7E 7D 01 FC']);
  });
  it('escapes a checksum byte that equals a flag (UNCERTAIN in §12, needed to keep the frame)', () => {
    expect(bytesToHex(encodeFrame(hexToBytes('3F 3F')))).toBe('7E 3F 3F 7D 5E 7E');
  });
  it('each flag closes one frame and opens the next; garbage before the first flag is skipped', () => {
    const framer = new FlagFramer();
    const found: string[] = [];
    const sink = {
      frame: (b: Uint8Array, n: number) => found.push(bytesToHex(b.subarray(0, n))),
      malformed: () => found.push('x'),
    };
    framer.feed(hexToBytes('11 22 7E 01 01 7E 7E 02 02 7E'), sink);
    expect(found).toEqual(['01 01', '02 02']);
    expect(framer.takeSkipped()).toBe(2);
  });
  it('reports an escape right before a flag or an escaped escape as malformed', () => {
    expect(framesOf(hexToBytes('7E 01 7D 7E'))).toEqual(['malformed: escape byte 7D right before a flag']);
    expect(framesOf(hexToBytes('7E 7D 7D 01 7E'))).toEqual(['malformed: escape byte 7D escaped']);
  });
  it('encoding then framing gives back any record', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (record) => {
        const [frame] = framesOf(encodeFrame(record));
        expect(frame).toBe(bytesToHex(withChecksum(record)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('transmission request', () => {
  it('is a 49-byte PHDB record: request subrecord, then displayed values, interval, basic class', () => {
    const [frame] = framesOf(requestDisplayedValues(5));
    const bytes = hexToBytes(frame);
    expect(bytes.length).toBe(50);
    expect(bytesToHex(bytes.subarray(0, 4))).toBe('31 00 00 09'); // r_len 49, r_nbr 0, DRI level 2005
    expect(bytesToHex(bytes.subarray(14, 22))).toBe('00 00 00 00 00 00 00 FF'); // maintype 0, sr 0 type 0, end
    expect(bytesToHex(bytes.subarray(40, 49))).toBe('01 05 00 00 00 00 00 00 00');
    expect(readTransmissionRequest(bytes, 49)).toEqual({ recordType: 1, intervalS: 5, classBits: 0 });
    expect(readTransmissionRequest(hexToBytes(framesOf(stopDisplayedValues())[0]), 49)).toEqual({
      recordType: 1,
      intervalS: 0,
      classBits: 0,
    });
  });
  it('rejects an interval that does not fit tx_interval', () => {
    expect(() => encodeTransmissionRequest({ recordType: 1, intervalS: -1, classBits: 0 })).toThrow(
      RangeError,
    );
    expect(() => requestDisplayedValues(40_000)).toThrow(RangeError);
  });
});

describe('displayed-values record', () => {
  it('decodes every basic field with its scale', () => {
    const parsed = parseRecord(
      withChecksum(buildDisplayedRecord({ number: 7, timeS: 1_764_000_000, values: TYPICAL })),
    );
    expect(parsed).toEqual({
      kind: 'record',
      number: 7,
      driLevel: 9,
      timeS: 1_764_000_000,
      mainType: 0,
      basic: [TYPICAL],
    });
  });
  it.each(BASIC_FIELDS.map((f) => [f.metric, f.scale] as const))(
    '%s: raw i16 × %s, control codes → null',
    (metric, scale) => {
      const index = BASIC_FIELDS.findIndex((f) => f.metric === metric);
      const at = (raw: number) => {
        const parsed = parseRecord(withChecksum(recordWithRaw(metric, raw)));
        if (parsed.kind !== 'record') throw new Error(parsed.detail);
        return parsed.basic[0][index];
      };
      expect(at(12345)).toBe(scale === 1 ? 12345 : 123.45);
      expect(at(0)).toBe(0);
      expect(at(-32000)).toBe(scale === 1 ? -32000 : -320);
      for (const code of [-32001, -32762, -32763, -32764, -32765, -32766, -32767, -32768])
        expect(at(code)).toBeNull();
    },
  );
  it('scaleValue: ≤ −32001 is invalid (doc), −32000 is a value', () => {
    expect(scaleValue(-32001, 1)).toBeNull();
    expect(scaleValue(9700, 0.01)).toBe(97);
    expect(scaleValue(3712, 0.01)).toBe(37.12);
  });
  it('rejects a bad checksum, a wrong r_len, a short frame and a subrecord past the end', () => {
    const good = withChecksum(buildDisplayedRecord({ number: 1, timeS: 0, values: TYPICAL }));
    const badSum = good.slice();
    badSum[badSum.length - 1] ^= 0x01;
    expect(parseRecord(badSum)).toMatchObject({ kind: 'frame-error', code: 'checksum' });
    const record = buildDisplayedRecord({ number: 1, timeS: 0, values: TYPICAL });
    new DataView(record.buffer).setInt16(HEADER.length, 100, true);
    expect(parseRecord(withChecksum(record))).toMatchObject({ code: 'malformed' });
    expect(parseRecord(withChecksum(new Uint8Array(10)))).toMatchObject({ code: 'malformed' });
    const far = buildDisplayedRecord({ number: 1, timeS: 0, values: TYPICAL });
    new DataView(far.buffer).setInt16(HEADER.subrecordDescriptors, 10, true);
    expect(parseRecord(withChecksum(far))).toMatchObject({ code: 'malformed' });
  });
  it('ignores subrecords of another class and records of another main type', () => {
    const ext1 = buildDisplayedRecord({ number: 1, timeS: 0, values: TYPICAL });
    new DataView(ext1.buffer).setUint16(HEADER_LENGTH + PHDB_CLASS_WORD_OFFSET, 0x0100, true);
    expect(parseRecord(withChecksum(ext1))).toMatchObject({ kind: 'record', basic: [] });
    const wave = buildDisplayedRecord({ number: 1, timeS: 0, values: TYPICAL });
    new DataView(wave.buffer).setInt16(HEADER.mainType, 1, true);
    expect(parseRecord(withChecksum(wave))).toMatchObject({ kind: 'record', mainType: 1, basic: [] });
  });
  it('round-trips any values at the wire resolution', () => {
    const value = (scale: number) =>
      fc.oneof(
        fc.constant(null),
        fc.integer({ min: -32000, max: 32767 }).map((raw) => (scale === 1 ? raw : raw / 100)),
      );
    fc.assert(
      fc.property(fc.tuple(...BASIC_FIELDS.map((f) => value(f.scale))), (values) => {
        const parsed = parseRecord(withChecksum(buildDisplayedRecord({ number: 3, timeS: 5, values })));
        expect(parsed).toMatchObject({ basic: [values] });
      }),
      { numRuns: 500 },
    );
  });
});
