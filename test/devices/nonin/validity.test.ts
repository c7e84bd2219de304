import { noninDf13 } from '../../../src/devices/nonin-df13';
import { noninDf2 } from '../../../src/devices/nonin-df2';
import { noninDf7 } from '../../../src/devices/nonin-df7';
import { noninDf8 } from '../../../src/devices/nonin-df8';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { decodeGuarded, PULSE, SPO2, valuesOf } from '../oximetry/guarded-output';

/**
 * Nonin validity rules pinned by frames written by hand from the PROTOCOL.md tables (checksums
 * computed here, not by our encoders): STATUS SNSA / SNSD / OOT void SpO2 and pulse; HR 511 and
 * SpO2 127 are the missing markers; the 9560's published ranges (SpO2 0–100 %, pulse 18–321 BPM)
 * drop impossible values as counted value errors (issue 11: pulse 510).
 */
const withChecksum = (...bytes: number[]): Uint8Array =>
  Uint8Array.of(...bytes, bytes.reduce((sum, b) => sum + b, 0) & 0xff);

interface PacketSpec {
  readonly status?: number;
  readonly hrMsb?: number;
  readonly hrLsb?: number;
  readonly spo2?: number;
}

/** One format #2 packet: frames 1–3 carry HR MSB, HR LSB, SpO2; the other FLOATs are 0. */
function df2Packet({ status = 0x80, hrMsb = 0x00, hrLsb = 0x48, spo2 = 0x61 }: PacketSpec = {}): Uint8Array {
  const floats = [hrMsb, hrLsb, spo2, ...Array<number>(22).fill(0)];
  return concatBytes(
    floats.map((float, k) => withChecksum(0x01, status | (k === 0 ? 0x01 : 0), 0x20 + k, float)),
  );
}

const df2 = (...packets: PacketSpec[]) => decodeGuarded(noninDf2, [concatBytes(packets.map(df2Packet))]);

describe('Nonin #2/#7: STATUS flags win over HR and SpO2', () => {
  it.each([
    [0x88, 'probe-off', 'SNSA, bit 3 ("finger removed")'],
    [0xc0, 'probe-error', 'SNSD, bit 6 (OEM III sensor disconnect)'],
    [0x90, 'out-of-track', 'OOT, bit 4'],
  ])('STATUS 0x%s raises %s (%s): SpO2 and pulse null while the FLOATs still say 97 / 72', (status, flag) => {
    const out = df2({}, { status });
    expect(valuesOf(out, SPO2)).toEqual([97, null]);
    expect(valuesOf(out, PULSE)).toEqual([72, null]);
    const raised = out.sequence.indexOf(`flags:${flag}`);
    expect(raised).toBeGreaterThan(0);
    expect(out.sequence.slice(raised + 1, raised + 3)).toEqual([`${SPO2}=null`, `${PULSE}=null`]);
  });

  it('artifact (bit 5) and perfusion bits qualify without voiding', () => {
    const out = df2({ status: 0xa4 });
    expect(out.statuses.map((s) => s.flags)).toEqual([['low-perfusion', 'artifact']]);
    expect(valuesOf(out, SPO2)).toEqual([97]);
  });

  it('perfusion classes: red (RPRF) low, yellow (RPRF + GPRF) marginal, green (GPRF) no flag', () => {
    const classes = [0x84, 0x86, 0x82].map((status) => df2({ status }).statuses[0].flags);
    expect(classes).toEqual([['low-perfusion'], ['marginal-perfusion'], []]);
  });

  it('format #7 maps the same STATUS byte: SNSA voids', () => {
    const frames = [0x00, 0x48, 0x61, ...Array<number>(22).fill(0)];
    const packet = (status: number) =>
      concatBytes(frames.map((float, k) => withChecksum(status | (k === 0 ? 1 : 0), 0x12, k, float)));
    const out = decodeGuarded(noninDf7, [concatBytes([packet(0x80), packet(0x88)])]);
    expect(valuesOf(out, SPO2)).toEqual([97, null]);
    expect(out.statuses.map((s) => s.flags)).toEqual([[], ['probe-off']]);
  });
});

describe('Nonin #2: markers and the 9560 ranges', () => {
  it('HR 511 (MSB 0x03, LSB 0x7F) and SpO2 127 are the missing markers: null', () => {
    const out = df2({ hrMsb: 0x03, hrLsb: 0x7f, spo2: 0x7f });
    expect(valuesOf(out, PULSE)).toEqual([null]);
    expect(valuesOf(out, SPO2)).toEqual([null]);
  });

  it('pulse 510 (issue 11) is dropped as a counted value error, never a reading; 321 and 18 are readings', () => {
    const out = df2({ hrMsb: 0x03, hrLsb: 0x7e }, { hrMsb: 0x02, hrLsb: 0x41 }, { hrMsb: 0x00, hrLsb: 0x12 });
    expect(out.valueErrors).toEqual([`${PULSE}=510`]);
    expect(valuesOf(out, PULSE)).toEqual([321, 18]);
    expect(out.stats.outOfRange).toBe(1);
  });

  it('pulse 322 and 17 are outside the 9560 range 18–321', () => {
    const out = df2({ hrMsb: 0x02, hrLsb: 0x42 }, { hrMsb: 0x00, hrLsb: 0x11 });
    expect(out.valueErrors).toEqual([`${PULSE}=322`, `${PULSE}=17`]);
    expect(out.numerics.filter((n) => n.metric === PULSE)).toEqual([]);
  });

  it('SpO2 101..126 is neither a value nor the marker: the frame is dropped as out-of-range', () => {
    const out = df2({ spo2: 0x65 });
    expect(out.frameErrors).toEqual(['out-of-range']);
    expect(valuesOf(out, SPO2)).toEqual([]);
  });

  it('a frame whose checksum is off by one is dropped where it was due', () => {
    const good = df2Packet();
    const bad = good.slice();
    bad[5 * 10 + 4] ^= 0x01;
    const out = decodeGuarded(noninDf2, [bad]);
    expect(out.frameErrors).toEqual(['checksum']);
  });
});

describe('Nonin #8 (STATUS HR SpO2 STATUS2, no checksum)', () => {
  const df8 = (...hex: string[]) => decodeGuarded(noninDf8, [hexToBytes(hex.join(' '))]);

  it('`80 48 61 00` → HR 72, SpO2 97 [DERIVED]; SNSA (STATUS2 bit 3) voids', () => {
    const out = df8('80 48 61 00', '80 48 61 08');
    expect(valuesOf(out, PULSE)).toEqual([72, null]);
    expect(valuesOf(out, SPO2)).toEqual([97, null]);
    expect(out.statuses.map((s) => s.flags)).toEqual([[], ['probe-off']]);
  });

  it('OOT (STATUS bit 5) voids; LPRF / MPRF / ARTF only qualify', () => {
    expect(valuesOf(df8('A0 48 61 00'), SPO2)).toEqual([null]);
    const qualified = df8('9C 48 61 00');
    expect(qualified.statuses[0].flags).toEqual(['low-perfusion', 'artifact', 'marginal-perfusion']);
    expect(valuesOf(qualified, SPO2)).toEqual([97]);
  });

  it('LOW BAT (STATUS2 bit 0) is low-battery; a byte after STATUS with bit 7 cuts the frame', () => {
    expect(df8('80 48 61 01').statuses[0].flags).toEqual(['low-battery']);
    const cut = df8('80 48 61', '80 48 61 00');
    expect(cut.frameErrors).toEqual(['malformed']);
    expect(valuesOf(cut, SPO2)).toEqual([97]);
  });

  it('HR 511 / SpO2 127 are markers; HR 510 is a counted value error; SpO2 101 drops the frame', () => {
    const markers = df8('83 7F 7F 00');
    expect(valuesOf(markers, PULSE)).toEqual([null]);
    expect(valuesOf(markers, SPO2)).toEqual([null]);
    const impossible = df8('83 7E 61 00');
    expect(impossible.valueErrors).toEqual([`${PULSE}=510`]);
    expect(impossible.stats.outOfRange).toBe(1);
    expect(df8('80 48 65 00').frameErrors).toEqual(['out-of-range']);
  });
});

describe('Nonin #13 (SmartPoint record)', () => {
  /** `00 02 00 0D 00 0E`, 14 data bytes, CHK (sum of the data), `03`. */
  function record(statusMsb: number, hrMsb: number, hrLsb: number, spo2: number, statusLsb = 0): Uint8Array {
    const data = [
      0x20,
      0x25,
      0x11,
      0x25,
      0x14,
      0x30,
      0x15,
      0x00,
      statusMsb,
      statusLsb,
      hrMsb,
      hrLsb,
      0x00,
      spo2,
    ];
    const chk = data.reduce((sum, b) => sum + b, 0) & 0xff;
    return Uint8Array.of(0x00, 0x02, 0x00, 0x0d, 0x00, 0x0e, ...data, chk, 0x03);
  }

  it('the [DERIVED] vector gives HR 72, SpO2 97; NOMS (no measurement) gives null', () => {
    const out = decodeGuarded(noninDf13, [record(0x02, 0x00, 0x48, 0x61), record(0x01, 0x00, 0x48, 0x61)]);
    expect(valuesOf(out, PULSE)).toEqual([72, null]);
    expect(valuesOf(out, SPO2)).toEqual([97, null]);
  });

  it('HR 510 (MSB bit 0 = HR8) is a counted value error; HR 511 / SpO2 127 are markers', () => {
    const out = decodeGuarded(noninDf13, [record(0x02, 0x01, 0xfe, 0x61), record(0x02, 0x01, 0xff, 0x7f)]);
    expect(out.valueErrors).toEqual([`${PULSE}=510`]);
    expect(valuesOf(out, PULSE)).toEqual([null]);
    expect(valuesOf(out, SPO2)).toEqual([97, null]);
  });

  it('LOW BAT (status LSB bit 0) is low-battery; a checksum or ETX off by one drops the record', () => {
    expect(decodeGuarded(noninDf13, [record(0x02, 0x00, 0x48, 0x61, 0x01)]).statuses[0].flags).toEqual([
      'low-battery',
    ]);
    const badChecksum = record(0x02, 0x00, 0x48, 0x61);
    badChecksum[badChecksum.length - 2] ^= 0x01;
    expect(decodeGuarded(noninDf13, [badChecksum]).frameErrors).toEqual(['checksum']);
    const badEtx = record(0x02, 0x00, 0x48, 0x61);
    badEtx[badEtx.length - 1] = 0x04;
    expect(decodeGuarded(noninDf13, [badEtx]).frameErrors).toEqual(['malformed']);
  });
});
