import { isEpisodic, METRIC_IDS, type MetricId, type PlausibleRange } from '../../shared/domain/metrics';
import type { NumericReading } from '../../shared/domain/readings';
import type { DecodeEvent, Decoder, DecoderStats } from '../driver';
import { plausibleRangeOf, voidedMetrics, type DeviceValidity } from './reading-rules';

/**
 * The rules every reading obeys whatever its driver (design §3), applied to a decoder's events on
 * their way out, so no driver can forget one:
 * 1. device flags beat numbers: while a status reading of this device raises a voiding flag
 *    (probe off, searching…), the metrics it voids are emitted as `null`;
 * 2. impossible values are never readings: a numeric outside its plausible range (the device's
 *    published range, else the metric table's) becomes an `out-of-range` value error, counted in
 *    `stats.outOfRange`;
 * 3. an episodic measurement is emitted once: the same metric with the same value at the same
 *    device time again is dropped (the driver decides what "the same measurement" is; this is the
 *    net under it).
 * Events are processed in order, so a status reading applies to the numerics after it: drivers
 * emit a frame's status before its numbers.
 */
export class GuardedDecoder implements Decoder {
  private voided: ReadonlySet<MetricId> = new Set();
  private readonly lastEpisodic = new Map<MetricId, string>();
  private outOfRange = 0;
  /** Per metric, resolved once: a 4-byte Nonin #8 frame is one numeric, so lookups are the hot path. */
  private readonly rules: ReadonlyMap<MetricId, MetricRule>;

  constructor(
    private readonly inner: Decoder,
    validity: DeviceValidity = {},
  ) {
    this.rules = new Map(
      METRIC_IDS.map((id) => [id, { range: plausibleRangeOf(id, validity), episodic: isEpisodic(id) }]),
    );
  }

  get stats(): DecoderStats {
    return { ...this.inner.stats, outOfRange: this.outOfRange };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events = this.inner.push(chunk, atMs);
    // The hot path: most pushes carry only waveforms and valid numbers, so rewrite in place and
    // allocate only when an event is replaced or dropped.
    let write = 0;
    for (let read = 0; read < events.length; read++) {
      const checked = this.check(events[read]);
      if (checked !== null) events[write++] = checked;
    }
    events.length = write;
    return events;
  }

  reset(): void {
    this.inner.reset();
    this.voided = new Set();
    this.lastEpisodic.clear();
  }

  private check(event: DecodeEvent): DecodeEvent | null {
    if (event.kind !== 'reading') return event;
    const { reading } = event;
    if (reading.type === 'status') {
      this.voided = voidedMetrics(reading.flags);
      return event;
    }
    if (reading.type !== 'numeric') return event;
    if (this.voided.size > 0 && this.voided.has(reading.metric)) {
      return reading.value === null ? event : { kind: 'reading', reading: { ...reading, value: null } };
    }
    const rule = this.rules.get(reading.metric);
    if (reading.value !== null && rule !== undefined) {
      const { range } = rule;
      if (range !== null && !(reading.value >= range.min && reading.value <= range.max)) {
        this.outOfRange++;
        return {
          kind: 'value-error',
          code: 'out-of-range',
          metric: reading.metric,
          value: reading.value,
          detail: `${reading.metric} ${reading.value} ${reading.unit} is outside ${range.min}–${range.max}`,
        };
      }
    }
    return rule?.episodic === true && this.isRepeat(reading) ? null : event;
  }

  private isRepeat(reading: NumericReading): boolean {
    const key = `${reading.value}@${reading.time}`;
    if (this.lastEpisodic.get(reading.metric) === key) return true;
    this.lastEpisodic.set(reading.metric, key);
    return false;
  }
}

interface MetricRule {
  readonly range: PlausibleRange | null;
  readonly episodic: boolean;
}

/** Wraps a driver's decoder in the reading rules; every driver's `createDecoder` goes through it. */
export function guardDecoder(decoder: Decoder, validity?: DeviceValidity): Decoder {
  return new GuardedDecoder(decoder, validity);
}
