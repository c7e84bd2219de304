import { frameError, type FrameError } from '../framing/frame-error';
import { FRAME } from './constants';
import { FrameScanner } from './frame-scanner';
import { fcsMatches, wrapTransparent } from './transparency';

/**
 * MIB/RS-232 frames: `C0 | 11 01 | length (u16 BE, body only) | body | FCS (LSB first) | C1`, with
 * byte stuffing (transparency.ts). `checkFrame` validates unescaped content (the streaming path
 * uses it on the scanner's buffer); `parseFrame` takes one whole wire frame. Both give the body.
 */

export type { FrameError } from '../framing/frame-error';

/** Wire bytes of one frame carrying `body` (an association, ROSE or release message). */
export function encodeFrame(body: Uint8Array): Uint8Array {
  if (body.length > 0xffff) throw new RangeError(`frame body of ${body.length} bytes exceeds 65535`);
  const content = new Uint8Array(FRAME.headerBytes + body.length);
  content[0] = FRAME.protocolId;
  content[1] = FRAME.messageType;
  content[2] = body.length >>> 8;
  content[3] = body.length & 0xff;
  content.set(body, FRAME.headerBytes);
  return wrapTransparent(content);
}

/**
 * Validates `content[0..length)` (header, body, FCS; unescaped). Returns the body length, or why
 * the frame is dropped. The FCS is checked first: nothing in a corrupted frame is trusted.
 */
export function checkFrame(content: Uint8Array, length: number): number | FrameError {
  if (length < FRAME.headerBytes + FRAME.fcsBytes) {
    return frameError('malformed', `frame of ${length} byte(s) is shorter than header and FCS`);
  }
  if (!fcsMatches(content, length)) return frameError('checksum', 'frame check sequence mismatch');
  if (content[0] !== FRAME.protocolId || content[1] !== FRAME.messageType) {
    return frameError('unknown-type', `protocol 0x${hex(content[0])} message type 0x${hex(content[1])}`);
  }
  const bodyLength = (content[2] << 8) | content[3];
  const actual = length - FRAME.headerBytes - FRAME.fcsBytes;
  if (bodyLength !== actual) {
    return frameError('malformed', `length field says ${bodyLength} body bytes, frame has ${actual}`);
  }
  return bodyLength;
}

/** The body of one whole wire frame (`C0 … C1`), or why it is invalid. */
export function parseFrame(wire: Uint8Array): Uint8Array | FrameError {
  let result: Uint8Array | FrameError = frameError('malformed', 'no complete frame (C0 … C1)');
  let frames = 0;
  new FrameScanner().scan(wire, {
    frame(content, length) {
      frames++;
      const checked = checkFrame(content, length);
      result =
        typeof checked === 'number' ? content.slice(FRAME.headerBytes, FRAME.headerBytes + checked) : checked;
    },
    broken(detail) {
      frames++;
      result = frameError('malformed', detail);
    },
  });
  if (frames > 1) return frameError('malformed', 'more than one frame');
  if (wire[0] !== FRAME.begin || wire[wire.length - 1] !== FRAME.end) {
    return frameError('malformed', 'a frame starts with C0 and ends with C1');
  }
  return result;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
