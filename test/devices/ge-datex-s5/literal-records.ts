import { hexToBytes } from '../../../src/devices/framing/hex';

/**
 * S/5 displayed-values records written from the PROTOCOL.md tables, not with the device encoder:
 * the 40-byte header as a hex literal, the basic class at its table offsets (i16 little-endian,
 * raw wire units), the checksum (sum of the unescaped bytes mod 256) and the 7E framing with 7D
 * escapes, all by hand here.
 */

/** r_len 318 (3E 01), r_nbr 0, DRI level 09, plug id, r_time, reserved, r_maintype 0 (PHDB),
 * sr_desc[0] = {offset 0, type 01 displayed}, sr_desc[1].type = FF (end), 6 unused slots. */
const HEADER = `3E 01 00 09 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 01  00 00 FF  00 00 00  00 00 00  00 00 00  00 00 00  00 00 00  00 00 00`;

/** Offsets in the basic class (PROTOCOL.md "Basic class: decoded fields"). */
export const OFFSET = {
  hr: 6,
  nibpSys: 78,
  nibpDia: 80,
  nibpMean: 82,
  nibpHr: 84,
  t1: 92,
  spo2: 124,
  spo2Pr: 126,
  co2Rr: 142,
} as const;

/** Raw i16 per field; fields not given hold −32767 "no data" (01 80). */
export type RawFields = Partial<Record<keyof typeof OFFSET, number>>;

/** The unescaped record bytes (header + one 278-byte dri_phdb subrecord of the basic class). */
export function record(fields: RawFields): Uint8Array {
  const subrecord = new Uint8Array(278);
  // dri_phdb.time (4 bytes) stays 0; class data from offset 4, 270 bytes of "no data" first.
  for (let at = 4; at < 4 + 270; at += 2) subrecord.set([0x01, 0x80], at);
  for (const [name, raw] of Object.entries(fields)) {
    const at = 4 + OFFSET[name as keyof typeof OFFSET];
    subrecord.set([raw & 0xff, (raw >> 8) & 0xff], at);
  }
  // marker, reserved, cl_drilvl_subt = 0: class bits 8–11 = 0 (basic).
  subrecord.set([0, 0, 0, 0], 274);
  return Uint8Array.from([...hexToBytes(HEADER), ...subrecord]);
}

/** A wire frame: 7E, record, checksum, 7E, with 7E → 7D 5E and 7D → 7D 5D inside. */
export function frame(recordBytes: Uint8Array, checksumDelta = 0): Uint8Array {
  let sum = 0;
  for (const b of recordBytes) sum += b;
  const body = [...recordBytes, (sum + checksumDelta) & 0xff];
  const escaped = body.flatMap((b) => (b === 0x7e ? [0x7d, 0x5e] : b === 0x7d ? [0x7d, 0x5d] : [b]));
  return Uint8Array.from([0x7e, ...escaped, 0x7e]);
}

/** Typical raw values: HR 72, BP 120/80 (93) ×100, NIBP HR 70, T1 37.12 °C ×100, SpO2 97 % ×100, PR 71, RR 14. */
export const TYPICAL_RAW: Required<RawFields> = {
  hr: 72,
  nibpSys: 12000,
  nibpDia: 8000,
  nibpMean: 9300,
  nibpHr: 70,
  t1: 3712,
  spo2: 9700,
  spo2Pr: 71,
  co2Rr: 14,
};
