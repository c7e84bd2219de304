import { MAX_REPORT_PAYLOAD } from './constants';

/**
 * Host → device. A command is three ASCII letters, data bytes and a check byte chosen so that the
 * XOR of every byte after the letters is zero. It travels as output reports of up to 7 bytes, each
 * prefixed with its count (libomron `omron_send_command`).
 */
const letters = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Splits a message into count-prefixed report payloads (the transport pads each to 8 bytes). */
export function toReports(message: readonly number[]): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < message.length; offset += MAX_REPORT_PAYLOAD) {
    const part = message.slice(offset, offset + MAX_REPORT_PAYLOAD);
    reports.push(Uint8Array.from([part.length, ...part]));
  }
  return reports;
}

/** XOR of `bytes`: the check byte that makes the XOR of data + check zero. */
export function xorOf(bytes: readonly number[]): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

function command(mnemonic: string, data: readonly number[]): Uint8Array[] {
  return toReports([...letters(mnemonic), ...data, xorOf(data)]);
}

/** "VER00": the check of the single data byte "0" is "0". */
export const versionCommand = (): Uint8Array[] => toReports(letters('VER00'));

/** GDC 00 bank 00 00 chk (libomron's code; its document's example check differs: UNCERTAIN). */
export const countCommand = (bank: number): Uint8Array[] => command('GDC', [0x00, bank, 0x00, 0x00]);

/** GME 00 bank 00 index chk; index 0 is the newest record. */
export function recordCommand(bank: number, index: number): Uint8Array[] {
  if (!Number.isInteger(index) || index < 0 || index > 0xff) {
    throw new TypeError(`GME index must be 0..255, got ${index}`);
  }
  return command('GME', [0x00, bank, 0x00, index]);
}

/** "END" FF FF: the device answers OFF and powers down. */
export const endCommand = (): Uint8Array[] => command('END', [0xff]);

/** The clearing block: zero reports of 7 and 5 bytes. */
export function clearingBlock(payloads: readonly number[]): Uint8Array[] {
  return payloads.map((count) => {
    const report = new Uint8Array(count + 1);
    report[0] = count;
    return report;
  });
}
