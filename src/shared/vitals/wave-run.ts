import { EXPONENT_MASK, FLOAT64_ENCODING, HAS_NULLS } from './wire-format';

/** What a batch keeps of a series' last waveform record, on both sides. */
export interface WaveRun {
  readonly encoding: number;
  readonly startMs: number;
  readonly count: number;
  readonly rateHz: number;
  readonly lastMantissa: number;
  /** Leads I and II only: every sample's mantissa, which lead III's samples are taken from. */
  readonly mantissas: readonly number[] | null;
  /** The Rice parameter of the series' next continuation (rice.ts `nextRiceK`), when Rice-coded. */
  readonly riceK: number;
}

/** Where a continuation is expected to start: the sample after the previous record's last. */
export function predictedStartMs(run: { startMs: number; count: number; rateHz: number }): number {
  return run.startMs + Math.round((run.count * 1000) / run.rateHz);
}

/** True for a run whose mantissas lead III may be derived from: an exponent, no nulls. */
export function exactIntegers(encoding: number): boolean {
  return (encoding & EXPONENT_MASK) !== FLOAT64_ENCODING && (encoding & HAS_NULLS) === 0;
}
