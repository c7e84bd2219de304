/**
 * Builds a V7 package from its type and logical data bytes (0..255 each): every data byte goes on
 * the wire with bit 7 set, and its real bit 7 moves into the high byte (bit n ↔ byte n+2). Used in
 * both directions: host commands and the simulator's device packages.
 */
export const MAX_DATA_BYTES = 7;

export function encodePackage(type: number, data: readonly number[]): Uint8Array {
  if (!Number.isInteger(type) || type < 0 || type > 0x7f) {
    throw new TypeError(`V7 package type must be 0x00..0x7F, got ${type}`);
  }
  if (data.length > MAX_DATA_BYTES) {
    throw new TypeError(`V7 package carries at most ${MAX_DATA_BYTES} data bytes, got ${data.length}`);
  }
  const bytes = new Uint8Array(2 + data.length);
  bytes[0] = type;
  let highByte = 0x80;
  data.forEach((value, i) => {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) {
      throw new TypeError(`V7 data byte ${i} must be 0..255, got ${value}`);
    }
    bytes[2 + i] = value | 0x80;
    highByte |= (value >> 7) << i;
  });
  bytes[1] = highByte;
  return bytes;
}

/** Latin-1 codes of `text`, padded with spaces (or cut) to `length` bytes. */
export function textBytes(text: string, length: number): number[] {
  const codes: number[] = [];
  for (let i = 0; i < length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    codes.push(code > 0xff ? 0x3f : code);
  }
  return codes;
}
