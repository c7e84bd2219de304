import { FRAME } from './constants';
import { FCS_GOOD, fcsOver, frameCheckSequence } from './fcs';

/**
 * The byte-stuffed envelope shared by both directions: `C0`, the content and its FCS (LSB first)
 * with every 0x7D, 0xC0 and 0xC1 sent as `7D, b XOR 0x20`, then `C1`. The FCS covers the
 * unescaped content only. This layer knows nothing of the content; frames.ts adds the header.
 */

function needsEscape(byte: number): boolean {
  return byte === FRAME.escape || byte === FRAME.begin || byte === FRAME.end;
}

/** Wraps `content`: begin byte, escaped content and FCS, end byte. */
export function wrapTransparent(content: Uint8Array): Uint8Array {
  const fcs = frameCheckSequence(content);
  const raw = new Uint8Array(content.length + FRAME.fcsBytes);
  raw.set(content);
  raw[content.length] = fcs & 0xff;
  raw[content.length + 1] = fcs >>> 8;
  let escapes = 0;
  for (const byte of raw) if (needsEscape(byte)) escapes++;
  const out = new Uint8Array(raw.length + escapes + 2);
  let o = 0;
  out[o++] = FRAME.begin;
  for (const byte of raw) {
    if (needsEscape(byte)) {
      out[o++] = FRAME.escape;
      out[o++] = byte ^ FRAME.escapeXor;
    } else {
      out[o++] = byte;
    }
  }
  out[o] = FRAME.end;
  return out;
}

/** True when the FCS at the end of `unescaped` (content + 2 FCS bytes) matches the content. */
export function fcsMatches(unescaped: Uint8Array, length = unescaped.length): boolean {
  return length >= FRAME.fcsBytes && fcsOver(unescaped, 0, length) === FCS_GOOD;
}
