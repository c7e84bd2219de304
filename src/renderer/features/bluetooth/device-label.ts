/**
 * The part of a BLE device's reading ids after `@`: its advertised name (what the nurse sees on the
 * device and in the chooser) plus the start of the browser's device id, because two cuffs of one
 * model advertise the same name. Names come from the air: control characters are dropped and the
 * length is bounded so the id fits the contract's 200 characters.
 */
const MAX_NAME_CHARS = 60;
const ID_CHARS = 8;

export function bleDeviceLabel(device: { readonly id: string; readonly name?: string | null }): string {
  const id = printable(device.id).slice(0, ID_CHARS) || 'unknown';
  const name = printable(device.name ?? '')
    .trim()
    .slice(0, MAX_NAME_CHARS);
  return name === '' ? id : `${name} (${id})`;
}

function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code !== 0x7f) out += char;
  }
  return out;
}
