import type { DecodeEvent, Decoder, DecoderStats } from '../../../src/devices/driver';
import { GuardedDecoder } from '../../../src/devices/validity/guarded-decoder';
import { voidedMetrics } from '../../../src/devices/validity/reading-rules';
import { METRICS, METRIC_IDS, type MetricId } from '../../../src/shared/domain/metrics';

/**
 * The guard's edges that its rule tests leave open, found by mutation testing (issue 11, item 10):
 * events that are not readings, a null where zero would be out of range, the error's detail,
 * flags that void nothing, and no allocation for a reading already null.
 */

const DEVICE = 'test@/dev/ttyX';
const T = '2026-11-25T09:30:00.000Z';

class OnePush implements Decoder {
  readonly stats: DecoderStats = { frames: 1, dropped: 0, skippedBytes: 0 };
  constructor(private readonly events: readonly DecodeEvent[]) {}
  push(): DecodeEvent[] {
    return [...this.events];
  }
  reset(): void {}
}

const numeric = (metric: MetricId, value: number | null): DecodeEvent => ({
  kind: 'reading',
  reading: { type: 'numeric', device: DEVICE, metric, value, unit: METRICS[metric].unit, time: T },
});
const guarded = (events: readonly DecodeEvent[]): DecodeEvent[] =>
  new GuardedDecoder(new OnePush(events)).push(new Uint8Array(0), 0);

describe('GuardedDecoder edges', () => {
  it('passes events that are not readings untouched and in order', () => {
    const events: DecodeEvent[] = [
      { kind: 'frame-error', code: 'checksum', detail: 'bad checksum' },
      { kind: 'device-info', key: 'serial-number', value: '0042' },
      numeric('MDC_PULS_OXIM_SAT_O2', 97),
      { kind: 'frame-error', code: 'malformed', detail: 'short frame' },
    ];
    expect(guarded(events)).toEqual(events);
  });

  it('keeps a null value as a reading even where 0 would be out of range (a missing temperature)', () => {
    expect(METRICS.MDC_TEMP_BODY.plausible.min).toBeGreaterThan(0);
    const missing = numeric('MDC_TEMP_BODY', null);
    expect(guarded([missing])).toEqual([missing]);
  });

  it('says which value was refused and the bounds it broke', () => {
    const [error] = guarded([numeric('MDC_PULS_OXIM_SAT_O2', 184)]);
    expect(error).toMatchObject({ kind: 'value-error', code: 'out-of-range', value: 184 });
    expect(error.kind === 'value-error' && error.detail).toBe('MDC_PULS_OXIM_SAT_O2 184 % is outside 0–100');
  });

  it('hands on a reading that is already null as it is, without a copy (the hot path)', () => {
    const status: DecodeEvent = {
      kind: 'reading',
      reading: { type: 'status', device: DEVICE, flags: ['probe-off'], time: T },
    };
    const alreadyNull = numeric('MDC_PULS_OXIM_SAT_O2', null);
    const out = guarded([status, alreadyNull]);
    expect(out[1]).toBe(alreadyNull);
  });

  it('voids nothing for flags that only qualify a value', () => {
    expect(voidedMetrics(['low-perfusion', 'artifact', 'questionable', 'low-battery'])).toEqual(new Set());
  });

  it('has a plausible range for every numeric metric, so the guard can always check one', () => {
    // The guard skips the range check where a metric has none: only waveforms may lack one.
    const numericWithoutRange = METRIC_IDS.filter(
      (id) => METRICS[id].kind === 'numeric' && METRICS[id].plausible === null,
    );
    expect(numericWithoutRange).toEqual([]);
  });
});
