import { isEpisodic, METRIC_IDS, type MetricId, type PlausibleRange } from '../../shared/domain/metrics';
import type { NumericReading, StatusReading } from '../../shared/domain/readings';
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
  /** Metrics the device's current flags void; null while none does (the common case, checked first). */
  private voided: ReadonlySet<MetricId> | null = null;
  private readonly lastEpisodic = new Map<MetricId, string>();
  private outOfRange = 0;
  /** Each metric's range and kind, resolved once (the device's range where the driver gives one). */
  private readonly rules: ReadonlyMap<MetricId, MetricRule>;
  /**
   * The last two rules used, matched by identity: a device streams a few metrics, and a keyed
   * lookup per reading cost Nonin #8 (two numerics per 4-byte frame) a fifth of its speed.
   */
  private ruleA: MetricRule = NO_RULE;
  private ruleB: MetricRule = NO_RULE;

  constructor(
    private readonly inner: Decoder,
    validity: DeviceValidity = {},
  ) {
    this.rules = new Map(
      METRIC_IDS.map((metric) => [
        metric,
        { metric, range: plausibleRangeOf(metric, validity), episodic: isEpisodic(metric) },
      ]),
    );
  }

  get stats(): DecoderStats {
    return { ...this.inner.stats, outOfRange: this.outOfRange };
  }

  push(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events = this.inner.push(chunk, atMs);
    // The hot path: rewrite in place, look at numerics and statuses only, and allocate only when
    // an event is replaced.
    const count = events.length;
    let write = 0;
    for (let read = 0; read < count; read++) {
      const event = events[read];
      if (event.kind !== 'reading' || event.reading.type === 'waveform') {
        if (write !== read) events[write] = event;
        write++;
        continue;
      }
      const checked = this.check(event, event.reading);
      if (checked !== null) events[write++] = checked;
    }
    if (write !== count) events.length = write;
    return events;
  }

  reset(): void {
    this.inner.reset();
    this.voided = null;
    this.lastEpisodic.clear();
  }

  /** Small on purpose, so it inlines into `push`: the rare outcomes live in their own methods. */
  private check(event: DecodeEvent, reading: NumericReading | StatusReading): DecodeEvent | null {
    if (reading.type === 'status') return this.flagsChanged(event, reading);
    const { metric, value } = reading;
    if (this.voided !== null && this.voided.has(metric)) return voidedEvent(event, reading);
    const rule = this.ruleOf(metric);
    const { range } = rule;
    if (value !== null && range !== null && !(value >= range.min && value <= range.max)) {
      return this.refuse(reading, value, range);
    }
    return rule.episodic && this.isRepeat(reading) ? null : event;
  }

  private flagsChanged(event: DecodeEvent, reading: StatusReading): DecodeEvent {
    const voided = voidedMetrics(reading.flags);
    this.voided = voided.size === 0 ? null : voided;
    return event;
  }

  private refuse(reading: NumericReading, value: number, range: PlausibleRange): DecodeEvent {
    this.outOfRange++;
    const { metric, unit } = reading;
    return {
      kind: 'value-error',
      code: 'out-of-range',
      metric,
      value,
      detail: `${metric} ${value} ${unit} is outside ${range.min}–${range.max}`,
    };
  }

  private ruleOf(metric: MetricId): MetricRule {
    const { ruleA } = this;
    if (ruleA.metric === metric) return ruleA;
    const { ruleB } = this;
    // Swap rather than shift: two metrics in turn (SpO2, pulse) then always hit one of the two.
    if (ruleB.metric === metric) return ruleB;
    const rule = this.rules.get(metric) ?? NO_RULE;
    this.ruleB = ruleA;
    this.ruleA = rule;
    return rule;
  }

  private isRepeat(reading: NumericReading): boolean {
    const key = `${reading.value}@${reading.time}`;
    if (this.lastEpisodic.get(reading.metric) === key) return true;
    this.lastEpisodic.set(reading.metric, key);
    return false;
  }
}

function voidedEvent(event: DecodeEvent, reading: NumericReading): DecodeEvent {
  return reading.value === null ? event : { kind: 'reading', reading: { ...reading, value: null } };
}

interface MetricRule {
  readonly metric: MetricId | null;
  readonly range: PlausibleRange | null;
  readonly episodic: boolean;
}

/** Stands for "no rule cached yet" (and an unknown metric): no range, continuous. */
const NO_RULE: MetricRule = { metric: null, range: null, episodic: false };

/** Wraps a driver's decoder in the reading rules; every driver's `createDecoder` goes through it. */
export function guardDecoder(decoder: Decoder, validity?: DeviceValidity): Decoder {
  return new GuardedDecoder(decoder, validity);
}
