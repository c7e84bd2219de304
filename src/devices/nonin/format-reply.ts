import type { DecodeEvent } from '../driver';
import { ACK, FORMAT_REPLY_KEY, NAK } from './constants';

/**
 * The device's one-byte answer to "select data format", as a decoder sees it while hunting for
 * frames. Before the station's request is answered, the device may still stream its previous
 * format, which the decoder skips as garbage — and which can hold 0x06 bytes or even pass for a
 * frame now and then. So decoders report 0x06 / 0x15 until the stream is *locked*: LOCK_FRAMES
 * valid frames in a row with nothing skipped between them (see ReplyWatch). After that, a lone
 * 0x06 is noise inside a corrupted frame, not an answer (the station asks once, on open).
 */
export const LOCK_FRAMES = 3;

const ACK_EVENT: DecodeEvent = Object.freeze({ kind: 'device-info', key: FORMAT_REPLY_KEY, value: 'ack' });
const NAK_EVENT: DecodeEvent = Object.freeze({ kind: 'device-info', key: FORMAT_REPLY_KEY, value: 'nak' });

export function formatReplyEvent(byte: number): DecodeEvent | null {
  return byte === ACK ? ACK_EVENT : byte === NAK ? NAK_EVENT : null;
}

/** Tracks whether a decoder's stream is locked, and reports reply bytes skipped before that. */
export class ReplyWatch {
  private run = 0;
  private locked = false;
  private skippedSinceFrame = false;

  frame(): void {
    this.run = this.skippedSinceFrame ? 1 : this.run + 1;
    this.skippedSinceFrame = false;
    if (this.run >= LOCK_FRAMES) this.locked = true;
  }

  /** Bytes left the frame sequence without passing through `skipped` (a frame cut short). */
  interrupted(): void {
    this.skippedSinceFrame = true;
  }

  skipped(byte: number, events: DecodeEvent[]): void {
    this.skippedSinceFrame = true;
    if (this.locked) return;
    const reply = formatReplyEvent(byte);
    if (reply) events.push(reply);
  }

  reset(): void {
    this.run = 0;
    this.locked = false;
    this.skippedSinceFrame = false;
  }
}
