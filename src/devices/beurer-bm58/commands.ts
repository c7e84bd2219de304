import { COMMAND } from './constants';

/** Host → device commands: one byte each, the record request followed by the record number. */
export const handshake = (): Uint8Array => Uint8Array.of(COMMAND.handshake);
export const askDescription = (): Uint8Array => Uint8Array.of(COMMAND.description);
export const askCount = (): Uint8Array => Uint8Array.of(COMMAND.count);

/** `A3 nn`: record `number` (1..count). */
export function askRecord(number: number): Uint8Array {
  if (!Number.isInteger(number) || number < 1 || number > 0xff) {
    throw new RangeError(`record number must be 1..255, got ${number}`);
  }
  return Uint8Array.of(COMMAND.recordRequest, number);
}
