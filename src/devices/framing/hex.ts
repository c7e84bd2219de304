/**
 * Hex strings ⇄ bytes, for tests, fixtures and the CLI. Accepts the forms protocol notes use:
 * "01 E0 85", "01e085", "0x01,0xE0" (separators are spaces, commas, colons; an optional 0x per byte).
 */
export function hexToBytes(hex: string): Uint8Array {
  const cleaned = hex.replace(/0x/gi, '').replace(/[\s,:]/g, '');
  if (cleaned.length % 2 !== 0) {
    throw new TypeError(`hexToBytes: odd number of hex digits in "${hex}"`);
  }
  if (!/^[0-9a-fA-F]*$/.test(cleaned)) {
    throw new TypeError(`hexToBytes: not a hex string: "${hex}"`);
  }
  const bytes = new Uint8Array(cleaned.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(cleaned.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

/** Upper-case hex, one space between bytes: "01 E0 85". */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += ' ';
    out += bytes[i].toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
