import { BpRecordImporter } from '../bp/bp-record';
import { rememberingZone, type DeviceClockZone } from '../bp/device-clock';
import type { BpRecordLedger } from '../bp/record-ledger';
import type { DecodeEvent, Decoder, DecoderStats } from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { REPORT_BYTES } from './constants';
import { parseRecord } from './frames';

/** device-info key of a reply that is not a record; value: the report as hex. */
export const BM55_REPLY_INFO = 'reply';

export interface Bm55DecoderOptions {
  readonly ledger: BpRecordLedger;
  readonly zone: DeviceClockZone;
}

/**
 * Decodes the BM55's 8-byte input reports, for any chunking of the report stream. A report whose
 * fields form a record is buffered; any other report is passed to the host as a `reply`
 * device-info event. The record order is unknown, so the readings wait for the download's end:
 * the last reply of the announced count (the second non-record reply, byte 0). Then the import
 * rule of ../bp picks them (first download: the newest only; later: only newer ones). The device
 * sends no checksum, so nothing here can be rejected as corrupt (PROTOCOL.md).
 */
export class BeurerBm55HidDecoder implements Decoder {
  private readonly remainder = new ByteRemainder();
  private readonly importer: BpRecordImporter;
  private readonly zone: DeviceClockZone;
  private frames = 0;
  /** Non-record replies seen before the count: the first answers AA, the second is the count. */
  private repliesBeforeCount = 0;
  /** Replies still expected in this download (records or empty slots); -1 = count not seen yet. */
  private remaining = -1;

  constructor(deviceId: string, options: Bm55DecoderOptions) {
    // One BM55 per station is assumed: the device reports no serial number we could key on.
    this.importer = new BpRecordImporter(deviceId, options.ledger, 'beurer-bm55-hid');
    this.zone = rememberingZone(options.zone);
  }

  get stats(): DecoderStats {
    return { frames: this.frames, dropped: 0, skippedBytes: 0 };
  }

  push(chunk: Uint8Array, _atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    const bytes = this.remainder.join(chunk);
    let p = 0;
    for (; p + REPORT_BYTES <= bytes.length; p += REPORT_BYTES) {
      const report = bytes.subarray(p, p + REPORT_BYTES);
      this.frames++;
      const record = parseRecord(report);
      if (record === null) {
        events.push({ kind: 'device-info', key: BM55_REPLY_INFO, value: reportHex(report) });
      } else {
        const { systolic, diastolic, pulse } = record;
        this.importer.add({ timeMs: this.zone.toEpochMs(record.time), systolic, diastolic, pulse }, events);
      }
      this.trackDownload(record === null, report[0], events);
    }
    this.remainder.keep(bytes, p);
    return events;
  }

  reset(): void {
    this.remainder.clear();
    this.importer.discard();
    this.repliesBeforeCount = 0;
    this.remaining = -1;
  }

  private trackDownload(isReply: boolean, firstByte: number, events: DecodeEvent[]): void {
    if (this.remaining > 0) {
      if (--this.remaining === 0) this.endDownload(events);
      return;
    }
    if (!isReply || ++this.repliesBeforeCount < 2) return;
    this.remaining = firstByte;
    if (firstByte === 0) this.endDownload(events);
  }

  private endDownload(events: DecodeEvent[]): void {
    this.importer.finish(events);
    this.repliesBeforeCount = 0;
    this.remaining = -1;
  }
}

/** Upper-case hex bytes, one space apart, as `bytesToHex` gives (table-driven: on the hot path). */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));

function reportHex(report: Uint8Array): string {
  let out = HEX[report[0]];
  for (let i = 1; i < report.length; i++) out += ` ${HEX[report[i]]}`;
  return out;
}
