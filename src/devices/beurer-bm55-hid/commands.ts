import { COMMAND, PADDING, REPORT_BYTES } from './constants';

/** Host → device: one output report, the command byte(s) then 0xF4 padding (MediPi, muling-tt). */
export function commandReport(bytes: readonly number[]): Uint8Array {
  const report = new Uint8Array(REPORT_BYTES).fill(PADDING);
  report.set(bytes);
  return report;
}

export const initCommand = (): Uint8Array => commandReport([COMMAND.init]);
export const countCommand = (): Uint8Array => commandReport([COMMAND.count]);
export const terminateCommand = (): Uint8Array => commandReport([COMMAND.terminate]);

/** A3 n: record n, 1-based. */
export function recordCommand(index: number): Uint8Array {
  if (!Number.isInteger(index) || index < 1 || index > 0xff) {
    throw new TypeError(`BM55 record index must be 1..255, got ${index}`);
  }
  return commandReport([COMMAND.record, index]);
}
