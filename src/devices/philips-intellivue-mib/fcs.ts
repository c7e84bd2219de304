/**
 * The frame check sequence of the MIB/RS-232 link: PPP/HDLC FCS-16 (RFC 1662). Initial value
 * 0xFFFF, reflected polynomial 0x8408, sent as the one's complement, least significant byte first.
 * Run over the data and the FCS bytes as received, a good frame always leaves 0xF0B8.
 */
export const FCS_INITIAL = 0xffff;
export const FCS_GOOD = 0xf0b8;

const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let value = byte;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? (value >>> 1) ^ 0x8408 : value >>> 1;
    table[byte] = value;
  }
  return table;
})();

/** Folds one byte into a running FCS. */
export function fcsUpdate(fcs: number, byte: number): number {
  return (fcs >>> 8) ^ TABLE[(fcs ^ byte) & 0xff];
}

/** The running FCS over `bytes[from..to)`, starting from `fcs`. */
export function fcsOver(bytes: Uint8Array, from = 0, to = bytes.length, fcs = FCS_INITIAL): number {
  let value = fcs;
  for (let i = from; i < to; i++) value = (value >>> 8) ^ TABLE[(value ^ bytes[i]) & 0xff];
  return value;
}

/** The FCS to transmit after `bytes` (the complement of the running value), as a 16-bit number. */
export function frameCheckSequence(bytes: Uint8Array): number {
  return ~fcsOver(bytes) & 0xffff;
}
