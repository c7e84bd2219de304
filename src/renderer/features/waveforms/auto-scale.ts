import { METRICS, type MetricId } from '../../../shared/domain/metrics';
import { displayUnit, formatterFor, type Locale } from '../../../shared/i18n';

/**
 * How a trace is scaled. A waveform in a physical unit (ECG in mV) gets the metric's fixed,
 * calibrated range, so amplitudes can be compared by eye; one in arbitrary units (pleth, whose
 * amplitude is 0–127 on a Contec and 16-bit on a Nonin #7 packet, or raw ADC counts) is autoscaled.
 */
export type WaveformScale =
  { readonly kind: 'fixed'; readonly range: readonly [number, number] } | { readonly kind: 'auto' };

export function scaleFor(metric: MetricId): WaveformScale {
  const info = METRICS[metric];
  return info.unit === '1' ? { kind: 'auto' } : { kind: 'fixed', range: info.displayRange };
}

/** Words for the trace's caption: "-2 to 2 mV" / "-2 à 2 mV" (decimal comma in French). */
export function scaleText(metric: MetricId, scale: WaveformScale, locale: Locale = 'en'): string {
  if (scale.kind === 'auto') return locale === 'fr' ? 'échelle auto' : 'auto scale';
  const format = formatterFor(locale);
  const [min, max] = scale.range;
  const unit = displayUnit(METRICS[metric].unit);
  return `${format.number(min)} ${locale === 'fr' ? 'à' : 'to'} ${format.number(max)} ${unit}`.trimEnd();
}

/** Head-room kept above and below the data, as a fraction of its span. */
const MARGIN = 0.1;
/** The range shrinks only when the data fill less than this fraction of it (avoids pumping). */
const SHRINK_BELOW = 0.4;

/**
 * The range to draw data spanning [min, max] with, given the range in use: unchanged while the
 * data fit and fill a fair part of it, so the trace is not rescaled (and redrawn) every frame.
 */
export function fitRange(
  min: number,
  max: number,
  current: readonly [number, number] | null,
): readonly [number, number] | null {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return current;
  if (current !== null) {
    const [low, high] = current;
    const fits = min >= low && max <= high;
    if (fits && max - min >= SHRINK_BELOW * (high - low)) return current;
  }
  const span = max - min;
  const margin = span > 0 ? span * MARGIN : Math.max(1, Math.abs(max) * MARGIN);
  return [min - margin, max + margin];
}
