import type { DecodeEvent, Decoder, DecoderStats, FrameErrorCode } from '../driver';
import { BP_INFO, BpRecordImporter } from '../bp/bp-record';
import { rememberingZone, type DeviceClockZone } from '../bp/device-clock';
import type { BpRecordLedger } from '../bp/record-ledger';
import { bytesToHex } from '../framing/hex';
import { DEFAULT_MAX_RECORDS } from './constants';
import { parseMessage } from './frames';
import { ReportReader, type ReaderSink } from './report-reader';

/** device-info keys of this decoder (besides the BP record keys of ../bp). */
export const OMRON_INFO = {
  /** Value: OK, NO or OFF. */
  status: 'status',
  version: 'version',
  /** Value: the number of stored records (GDC). */
  recordCount: 'record-count',
  /** Value: hex of a checked reply of a length we did not ask for. */
  other: 'reply',
} as const;

/** One shared, frozen event per status: the clearing block's OKs cost no allocation on the hot path. */
const STATUS_EVENTS: Readonly<Record<'OK' | 'NO' | 'OFF', DecodeEvent>> = {
  OK: Object.freeze({ kind: 'device-info', key: OMRON_INFO.status, value: 'OK' } as const),
  NO: Object.freeze({ kind: 'device-info', key: OMRON_INFO.status, value: 'NO' } as const),
  OFF: Object.freeze({ kind: 'device-info', key: OMRON_INFO.status, value: 'OFF' } as const),
};

export interface OmronDecoderOptions {
  readonly ledger: BpRecordLedger;
  readonly zone: DeviceClockZone;
  /** The host's cap on records per download (host.ts), so the decoder sees where it ends. */
  readonly maxRecords?: number;
}

/**
 * Streaming decoder for the Omron HID replies. Records are buffered and become BP readings with the
 * device's own time when the download ends, following the import rule of ../bp (first download:
 * the newest record only; later: only newer ones — the ledger outlives the session). The end is
 * where the host stops asking (host.ts): min(count, maxRecords) records, a record that is not new,
 * or the OFF answer to END — whichever comes first. Every reply becomes a device-info event that
 * drives the host conversation.
 */
export class OmronHemHidDecoder implements Decoder {
  private readonly reader = new ReportReader();
  private readonly importer: BpRecordImporter;
  private readonly zone: DeviceClockZone;
  /** The events of the push under way, for the reader's sink. */
  private events: DecodeEvent[] = [];
  private readonly sink: ReaderSink = {
    message: (bytes) => this.handle(bytes, this.events),
    broken: (detail) => this.drop(this.events, 'malformed', detail),
  };
  private readonly maxRecords: number;
  private counts = { frames: 0, dropped: 0 };
  /** Records the host will still ask for in this download. */
  private remaining = 0;

  constructor(deviceId: string, options: OmronDecoderOptions) {
    this.importer = new BpRecordImporter(deviceId, options.ledger, 'omron-hem-hid');
    this.zone = rememberingZone(options.zone);
    this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  }

  get stats(): DecoderStats {
    return { ...this.counts, skippedBytes: this.reader.skippedBytes };
  }

  push(chunk: Uint8Array, _atMs: number): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    this.events = events;
    this.reader.push(chunk, this.sink);
    return events;
  }

  reset(): void {
    this.reader.reset();
    this.importer.discard();
    this.remaining = 0;
  }

  private handle(bytes: Uint8Array, events: DecodeEvent[]): void {
    const message = parseMessage(bytes);
    if (message.kind === 'frame-error') return this.drop(events, message.code, message.detail);
    this.counts.frames++;
    switch (message.kind) {
      case 'status':
        events.push(STATUS_EVENTS[message.status]);
        // OFF answers END: the download is over, so the newest record is known (PROTOCOL.md).
        if (message.status === 'OFF') this.importer.finish(events);
        return;
      case 'version':
        // Model and firmware name the device across replugs (its hidraw path may change).
        this.importer.setIdentity(`omron-hem-hid:${message.version}`);
        events.push({ kind: 'device-info', key: OMRON_INFO.version, value: message.version });
        return;
      case 'count':
        events.push({ kind: 'device-info', key: OMRON_INFO.recordCount, value: String(message.count) });
        this.remaining = Math.min(message.count, this.maxRecords);
        if (this.remaining === 0) this.importer.finish(events);
        return;
      case 'record': {
        const { record } = message;
        const timeMs = this.zone.toEpochMs(record.time);
        this.importer.add(
          { timeMs, systolic: record.systolic, diastolic: record.diastolic, pulse: record.pulse },
          events,
        );
        // The host stops at the count, the cap or a record that is not new: the download ends.
        const last = events[events.length - 1];
        if (--this.remaining <= 0 || (last.kind === 'device-info' && last.key === BP_INFO.duplicate)) {
          this.importer.finish(events);
        }
        return;
      }
      case 'other':
        events.push({ kind: 'device-info', key: OMRON_INFO.other, value: bytesToHex(message.bytes) });
        return;
    }
  }

  private drop(events: DecodeEvent[], code: FrameErrorCode, detail: string): void {
    this.counts.dropped++;
    events.push({ kind: 'frame-error', code, detail });
  }
}
