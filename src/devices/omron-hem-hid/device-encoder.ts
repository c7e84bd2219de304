import { toReports, xorOf } from './commands';
import { ASCII, REPORT_BYTES } from './constants';
import type { OmronRecord } from './frames';

/**
 * Device → host replies as the device sends them: count-prefixed 8-byte input reports, unused
 * bytes zero. For the simulator and tests; checked against the libomron document's examples.
 */
function asInputReports(message: readonly number[]): Uint8Array {
  const reports = toReports(message);
  const out = new Uint8Array(reports.length * REPORT_BYTES);
  reports.forEach((report, i) => out.set(report, i * REPORT_BYTES));
  return out;
}

/** "OK" + data + the check byte making the XOR after "OK" zero. */
function okReply(data: readonly number[]): Uint8Array {
  return asInputReports([ASCII.O, ASCII.K, ...data, xorOf(data)]);
}

export const encodeOk = (): Uint8Array => asInputReports([ASCII.O, ASCII.K]);
export const encodeNo = (): Uint8Array => asInputReports([ASCII.N, ASCII.O]);

/** "OFF\r\n" in one report that (as in the document's capture) counts 7. */
export function encodeOff(): Uint8Array {
  const report = new Uint8Array(REPORT_BYTES);
  report.set([7, ASCII.O, ASCII.F, ASCII.F, ASCII.CR, ASCII.LF]);
  return report;
}

/** VER: "OK" 00, 11 ASCII characters (space-padded), check. */
export function encodeVersion(version: string): Uint8Array {
  const text = version.padEnd(11, ' ').slice(0, 11);
  return okReply([0x00, ...[...text].map((c) => c.charCodeAt(0) & 0x7f)]);
}

/** GDC: "OK" 00 00 0A 00 count, check — bytes 3..5 as in the document's example (meaning unknown). */
export function encodeCount(count: number): Uint8Array {
  return okReply([0x00, 0x00, 0x0a, 0x00, count & 0xff]);
}

/** GME: "OK" 00 YY MM DD hh mm ss ?? ?? SYS DIA PR ?? flags, check (unknown bytes sent as 0). */
export function encodeRecord(record: OmronRecord): Uint8Array {
  const t = record.time;
  return okReply([
    0x00,
    t.year % 100,
    t.month,
    t.day,
    t.hour,
    t.minute,
    t.second,
    0x00,
    0x00,
    record.systolic,
    record.diastolic,
    record.pulse,
    0x00,
    record.flags,
  ]);
}
