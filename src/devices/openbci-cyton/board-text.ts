import type { DecodeEvent } from '../driver';
import { MAX_TEXT_BYTES } from './constants';

/**
 * The board's text replies (the soft-reset banner, command confirmations), which arrive between
 * packets and end with `$$$`. Text is printable ASCII plus CR, LF and TAB, so it never contains the
 * packet header 0xA0; any other byte outside a packet is garbage and discards the pending text.
 * Discarded bytes are counted in `skipped` for the decoder's stats.
 */
const DOLLAR = 0x24;

export class BoardTextCollector {
  private codes: number[] = [];
  private dollars = 0;
  /** Bytes discarded so far (garbage, or text that never reached `$$$`). */
  skipped = 0;

  /** Feeds one byte found outside any packet; returns the message it completes, or null. */
  add(byte: number): string | null {
    if (!isText(byte)) {
      this.discard(1);
      return null;
    }
    this.codes.push(byte);
    this.dollars = byte === DOLLAR ? this.dollars + 1 : 0;
    if (this.dollars === 3) {
      const message = String.fromCharCode(...this.codes.slice(0, -3)).trim();
      this.codes = [];
      this.dollars = 0;
      return message;
    }
    if (this.codes.length > MAX_TEXT_BYTES) this.discard(0);
    return null;
  }

  /** Drops the pending text (a packet follows it, so it was not a message). */
  discard(extraBytes: number): void {
    this.skipped += this.codes.length + extraBytes;
    this.codes = [];
    this.dollars = 0;
  }

  reset(): void {
    this.codes = [];
    this.dollars = 0;
  }
}

/** Device-info events for one complete board message. */
export function messageEvents(message: string, events: DecodeEvent[]): void {
  events.push({ kind: 'device-info', key: 'board-message', value: message });
  const board = /^OpenBCI[^\r\n]*/m.exec(message);
  if (board) events.push({ kind: 'device-info', key: 'board', value: board[0].trim() });
  const firmware = /Firmware:\s*(v[\w.]+)/.exec(message);
  if (firmware) events.push({ kind: 'device-info', key: 'firmware', value: firmware[1] });
}

function isText(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
