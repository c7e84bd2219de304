import type { LeadHistory } from './lead-history';

/**
 * Caliper maths on the real sample clock. Time calipers sit on samples (absolute indexes, so they
 * snap by construction); their interval comes from the lead's sample clock (LeadHistory.timeOf),
 * never from when the samples arrived. Amplitude calipers are values in the lead's unit (mV).
 */
export interface TimeCalipers {
  readonly a: number;
  readonly b: number;
}

export interface AmplitudeCalipers {
  readonly low: number;
  readonly high: number;
}

/** The sample nearest to a horizontal position in a view of `count` samples from `from` over `width` px. */
export function sampleAtX(x: number, view: { from: number; count: number; width: number }): number {
  if (view.width <= 0 || view.count <= 0) return view.from;
  const index = view.from + Math.round((x / view.width) * view.count);
  return Math.min(view.from + view.count - 1, Math.max(view.from, index));
}

/** The x position (px) of a sample in that view. */
export function xOfSample(index: number, view: { from: number; count: number; width: number }): number {
  return view.count <= 0 ? 0 : ((index - view.from) / view.count) * view.width;
}

/** A caliper moved by `step` samples, kept on samples the lead still holds. */
export function moveCaliper(
  index: number,
  step: number,
  lead: Pick<LeadHistory, 'oldestIndex' | 'newestIndex'>,
): number {
  return Math.min(lead.newestIndex, Math.max(lead.oldestIndex, Math.round(index + step)));
}

/** Interval between the two time calipers, ms (always ≥ 0), or undefined if one left the history. */
export function caliperIntervalMs(
  lead: Pick<LeadHistory, 'intervalMs'>,
  calipers: TimeCalipers,
): number | undefined {
  const ms = lead.intervalMs(calipers.a, calipers.b);
  return ms === undefined ? undefined : Math.abs(ms);
}

/** The rate an R-R interval gives, beats per minute. */
export function ratePerMinute(intervalMs: number): number | undefined {
  return intervalMs > 0 ? 60_000 / intervalMs : undefined;
}

/** Difference between the two amplitude calipers, in the lead's unit (always ≥ 0). */
export function caliperAmplitude(calipers: AmplitudeCalipers): number {
  return Math.abs(calipers.high - calipers.low);
}

/** Amplitude calipers set on the values of the samples under the two time calipers (snapped). */
export function amplitudeFromSamples(
  lead: Pick<LeadHistory, 'at'>,
  calipers: TimeCalipers,
): AmplitudeCalipers | undefined {
  const a = lead.at(calipers.a);
  const b = lead.at(calipers.b);
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return { low: Math.min(a, b), high: Math.max(a, b) };
}
