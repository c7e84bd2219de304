import { LEAD_OFF_MARKER } from './constants';

/**
 * Sketch → host lines, for the simulator and tests: Arduino's `Serial.println` ends each line with
 * CR LF. `null` is the lead-off line `!`.
 */
export function encodeLine(value: number | null): Uint8Array {
  const text = `${value === null ? LEAD_OFF_MARKER : value}\r\n`;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
