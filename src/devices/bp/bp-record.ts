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
  /** A record imported before (this session or an earlier one): no readings. */
  duplicate: 'bp-record-duplicate',
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
 * Turns downloaded records into readings exactly once per device: a record whose device time the
 * ledger already holds (from this session or an earlier one in the process) yields no reading.
 * `identity` names the physical device across reconnects (its path may change on a replug).
 */
export class BpRecordImporter {
  private identity: string;
  /** Formatting a time costs a microsecond; a download repeats the same few record times. */
  private readonly isoTimes = new Map<number, string>();

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
    if (this.ledger.has(this.identity, time)) {
      events.push({ kind: 'device-info', key: BP_INFO.duplicate, value: time });
      return;
    }
    this.ledger.add(this.identity, time);
    for (const reading of bpReadings(this.device, record, time)) events.push({ kind: 'reading', reading });
    events.push({ kind: 'device-info', key: BP_INFO.imported, value: time });
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
