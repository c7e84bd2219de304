import type { DecodeEvent } from '../driver';
import type { MetricId } from '../../shared/domain/metrics';
import { isoTimeOf, type Reading } from '../../shared/domain/readings';
import type { BpRecordLedger } from './record-ledger';

/** The metrics of a blood-pressure result (design §3: four readings with the same time). */
export const BP_METRIC = {
  systolic: 'MDC_PRESS_BLD_NONINV_SYS',
  diastolic: 'MDC_PRESS_BLD_NONINV_DIA',
  mean: 'MDC_PRESS_BLD_NONINV_MEAN',
  pulse: 'MDC_PULS_RATE_NON_INV',
} as const satisfies Record<string, MetricId>;

/** One stored measurement, as the device dated it. */
export interface BpRecord {
  /** The device's own timestamp, converted to epoch ms. */
  readonly timeMs: number;
  readonly systolic: number | null;
  readonly diastolic: number | null;
  /** Absent when the device does not measure a mean pressure. */
  readonly mean?: number | null;
  readonly pulse: number | null;
}

/** device-info keys a BP decoder emits after each downloaded record (value: the record's ISO time). */
export const BP_INFO = {
  /** A record the station had not imported yet: its readings precede this event. */
  imported: 'bp-record',
  /** A record imported before, or not newer than the newest imported one: no readings. */
  duplicate: 'bp-record-duplicate',
  /** A record newer than any imported one, held until the download ends (then imported or skipped). */
  downloaded: 'bp-record-downloaded',
  /** A first download's older record: it may be an earlier patient's, so it is not imported. */
  skippedHistory: 'bp-record-skipped-history',
} as const;

export function bpReadings(device: string, record: BpRecord, time = isoTimeOf(record.timeMs)): Reading[] {
  const numeric = (metric: MetricId, value: number | null, unit: string): Reading => ({
    type: 'numeric',
    device,
    metric,
    value,
    unit,
    time,
  });
  const readings = [
    numeric(BP_METRIC.systolic, record.systolic, 'mm[Hg]'),
    numeric(BP_METRIC.diastolic, record.diastolic, 'mm[Hg]'),
  ];
  if (record.mean !== undefined) readings.push(numeric(BP_METRIC.mean, record.mean, 'mm[Hg]'));
  readings.push(numeric(BP_METRIC.pulse, record.pulse, '/min'));
  return readings;
}

/**
 * Turns one download's records into readings, per device identity (its path may change on a
 * replug). The device's memory holds earlier measurements, possibly of other patients, so the
 * first download of an identity imports only the record with the newest device time; later
 * downloads import only records strictly newer than the newest imported one. The record order is
 * not guaranteed, so `add` only buffers (and reports each record at once, which drives the host);
 * `finish`, called when the decoder sees the download end, emits the chosen readings.
 */
export class BpRecordImporter {
  private identity: string;
  /** Formatting a time costs a microsecond; a download repeats the same few record times. */
  private readonly isoTimes = new Map<number, string>();
  /** This download's records newer than the newest imported one, by ISO time. */
  private readonly pending = new Map<string, BpRecord>();

  constructor(
    private readonly device: string,
    private readonly ledger: BpRecordLedger,
    defaultIdentity: string,
  ) {
    this.identity = defaultIdentity;
  }

  /** E.g. once the device reported its model and firmware. */
  setIdentity(identity: string): void {
    this.identity = identity;
  }

  add(record: BpRecord, events: DecodeEvent[]): void {
    const time = this.isoTime(record.timeMs);
    const latest = this.ledger.latest(this.identity);
    // ISO times sort chronologically.
    if (
      this.pending.has(time) ||
      this.ledger.has(this.identity, time) ||
      (latest !== null && time <= latest)
    ) {
      events.push({ kind: 'device-info', key: BP_INFO.duplicate, value: time });
      return;
    }
    // Garbage posing as endless records must not grow memory: a device stores a few hundred.
    if (this.pending.size >= MAX_PENDING) {
      events.push({ kind: 'device-info', key: BP_INFO.skippedHistory, value: time });
      return;
    }
    this.pending.set(time, record);
    events.push({ kind: 'device-info', key: BP_INFO.downloaded, value: time });
  }

  /** The download ended: import the chosen records (oldest first), report the rest. */
  finish(events: DecodeEvent[]): void {
    if (this.pending.size === 0) return;
    const times = [...this.pending.keys()].sort();
    const firstDownload = this.ledger.latest(this.identity) === null;
    const newest = times[times.length - 1];
    for (const time of times) {
      if (firstDownload && time !== newest) {
        events.push({ kind: 'device-info', key: BP_INFO.skippedHistory, value: time });
        continue;
      }
      const record = this.pending.get(time) as BpRecord;
      this.ledger.add(this.identity, time);
      for (const reading of bpReadings(this.device, record, time)) events.push({ kind: 'reading', reading });
      events.push({ kind: 'device-info', key: BP_INFO.imported, value: time });
    }
    this.pending.clear();
  }

  /** Forget an unfinished download (e.g. after a reconnect): its records stay on the device. */
  discard(): void {
    this.pending.clear();
  }

  private isoTime(timeMs: number): string {
    let time = this.isoTimes.get(timeMs);
    if (time === undefined) {
      if (this.isoTimes.size >= ISO_CACHE_SIZE) this.isoTimes.clear();
      time = isoTimeOf(timeMs);
      this.isoTimes.set(timeMs, time);
    }
    return time;
  }
}

const ISO_CACHE_SIZE = 512;
const MAX_PENDING = 1024;
