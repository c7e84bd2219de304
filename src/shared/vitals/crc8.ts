/** CRC-8/SMBUS (poly 0x07): detects every single-bit flip and every odd number of flipped bits. */
const CRC8_TABLE = (() => {
  const table = new Uint8Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff;
    table[n] = c;
  }
  return table;
})();

export function crc8(bytes: Uint8Array, end = bytes.length): number {
  let crc = 0;
  for (let i = 0; i < end; i++) crc = CRC8_TABLE[crc ^ bytes[i]];
  return crc;
}
