import {
  clip,
  endPath,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  LineJoinStyle,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { WaveformChannel } from '../../../shared/domain/consultation';
import type { ExportSource, WaveformSegment } from '../export-source';
import { mm, round2 } from './pdf-units';

/** Paper speed and gain of a standard ECG print. */
export const PAPER_SPEED_MM_PER_S = 25;
export const ECG_GAIN_MM_PER_MV = 10;
export const STRIP_SECONDS = 10;
/**
 * Decimation bucket: 0.4 mm of paper (16 ms at 25 mm/s). Each bucket keeps its lowest and highest
 * sample in time order, so a QRS spike keeps its full height while a 250 Hz lead drops from 2 500
 * to at most ~1 250 points per 10 s.
 */
const BUCKET_MM = 0.4;

/** The leads in the order an ECG print lists them; other channels (pleth…) come after. */
const LEAD_ORDER = ['I', 'II', 'III', 'AVR', 'AVL', 'AVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];

/** Millivolts per recorded unit for the channels printed at a calibrated 10 mm/mV. */
const TO_MILLIVOLTS: Readonly<Record<string, number>> = { mV: 1, uV: 0.001 };

export interface StripPlan {
  readonly channel: WaveformChannel;
  readonly fromMs: number;
  readonly toMs: number;
  readonly segments: readonly WaveformSegment[];
  /** mV per recorded unit when the strip is drawn at 10 mm/mV; null: amplitude scaled to fit. */
  readonly millivoltsPerUnit: number | null;
  /** Lowest and highest sample in the window (in recorded units), null when it has none. */
  readonly range: readonly [number, number] | null;
}

/**
 * One strip per recorded channel: the last `STRIP_SECONDS` with data (the end of the recording is
 * what the consultant saw last and is least likely to be a placement artefact at the start).
 */
export function planStrips(source: ExportSource): StripPlan[] {
  const channels = [...source.detail.waveforms].sort((a, b) => channelRank(a) - channelRank(b));
  return channels.map((channel) => {
    const periodMs = 1000 / channel.rateHz;
    const toMs = Date.parse(channel.lastSampleAt) + periodMs;
    const fromMs = Math.max(Date.parse(channel.firstSampleAt), toMs - STRIP_SECONDS * 1000);
    const segments = source.waveform(channel.device, channel.metric, fromMs, toMs);
    return {
      channel,
      fromMs,
      toMs,
      segments,
      millivoltsPerUnit: TO_MILLIVOLTS[channel.unit] ?? null,
      range: sampleRange(segments),
    };
  });
}

function channelRank(channel: WaveformChannel): number {
  const lead = /^MDC_ECG_ELEC_POTL_(.+)$/.exec(channel.metric)?.[1];
  const index = lead === undefined ? -1 : LEAD_ORDER.indexOf(lead);
  return index >= 0 ? index : LEAD_ORDER.length + (channel.metric.startsWith('MDC_ECG') ? 0 : 1);
}

function sampleRange(segments: readonly WaveformSegment[]): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  for (const segment of segments) {
    for (const sample of segment.samples) {
      if (sample === null || !Number.isFinite(sample)) continue;
      if (sample < low) low = sample;
      if (sample > high) high = sample;
    }
  }
  return low <= high ? [low, high] : null;
}

/** Vertical layout of one strip, in millimetres from its bottom edge. */
export interface StripGeometry {
  readonly heightMm: number;
  /** Recorded value → mm from the bottom edge. */
  readonly yOf: (value: number) => number;
  /** Height of the 0 mV line, for the calibration pulse (calibrated strips only). */
  readonly baselineMm: number | null;
}

/**
 * Calibrated strips are as tall as their signal needs (whole 5 mm squares, 15 to 40 mm) with the
 * signal centred; taller excursions are clipped at the strip edge, as on a paper ECG. Scaled
 * strips (pleth, raw ADC counts) are 20 mm with the window's range filling 16 mm.
 */
export function stripGeometry(plan: StripPlan): StripGeometry {
  const perUnit = plan.millivoltsPerUnit;
  if (perUnit !== null) {
    const [low, high] = plan.range ?? [0, 0];
    const spanMm = (high - low) * perUnit * ECG_GAIN_MM_PER_MV;
    const heightMm = Math.min(40, Math.max(15, Math.ceil((spanMm + 6) / 5) * 5));
    const baselineMm = Math.round((heightMm - spanMm) / 2 - low * perUnit * ECG_GAIN_MM_PER_MV);
    return { heightMm, baselineMm, yOf: (v) => baselineMm + v * perUnit * ECG_GAIN_MM_PER_MV };
  }
  const heightMm = 20;
  const [low, high] = plan.range ?? [0, 1];
  const span = high - low;
  return {
    heightMm,
    baselineMm: null,
    yOf: (v) => (span === 0 ? heightMm / 2 : 2 + ((v - low) / span) * (heightMm - 4)),
  };
}

export interface StripBox {
  /** Bottom-left corner of the gridded area, in points. */
  readonly x: number;
  readonly y: number;
}

const GRID_MINOR = [1, 0.82, 0.82] as const;
const GRID_MAJOR = [0.93, 0.55, 0.55] as const;

/**
 * Draws the ECG grid (1 mm light, 5 mm heavy), the calibration pulse left of the grid when the
 * strip is calibrated and it fits, and the signal as vector polylines clipped to the grid.
 */
export function drawStrip(page: PDFPage, plan: StripPlan, box: StripBox): void {
  const geometry = stripGeometry(plan);
  const widthMm = STRIP_SECONDS * PAPER_SPEED_MM_PER_S;
  const ops: PDFOperator[] = [pushGraphicsState()];
  const X = (xMm: number): number => round2(box.x + mm(xMm));
  const Y = (yMm: number): number => round2(box.y + mm(yMm));

  const gridLines = (step: number, skipMajor: boolean): PDFOperator[] => {
    const lines: PDFOperator[] = [];
    for (let x = 0; x <= widthMm; x += step) {
      if (skipMajor && x % 5 === 0) continue;
      lines.push(moveTo(X(x), Y(0)), lineTo(X(x), Y(geometry.heightMm)));
    }
    for (let y = 0; y <= geometry.heightMm; y += step) {
      if (skipMajor && y % 5 === 0) continue;
      lines.push(moveTo(X(0), Y(y)), lineTo(X(widthMm), Y(y)));
    }
    return lines;
  };
  ops.push(setStrokingRgbColor(...GRID_MINOR), setLineWidth(0.2), ...gridLines(1, true), stroke());
  ops.push(setStrokingRgbColor(...GRID_MAJOR), setLineWidth(0.5), ...gridLines(5, false), stroke());

  ops.push(setStrokingRgbColor(0, 0, 0), setLineWidth(0.6), setLineJoin(LineJoinStyle.Round));
  const base = geometry.baselineMm;
  if (base !== null && base >= 0 && base + ECG_GAIN_MM_PER_MV <= geometry.heightMm) {
    // 1 mV for 0.2 s, drawn in the 8 mm gutter left of the grid.
    const top = base + ECG_GAIN_MM_PER_MV;
    ops.push(
      moveTo(X(-8), Y(base)),
      lineTo(X(-7), Y(base)),
      lineTo(X(-7), Y(top)),
      lineTo(X(-2), Y(top)),
      lineTo(X(-2), Y(base)),
      lineTo(X(-1), Y(base)),
      stroke(),
    );
  }

  ops.push(pushGraphicsState(), rectangle(X(0), Y(0), mm(widthMm), mm(geometry.heightMm)), clip(), endPath());
  for (const run of polylines(plan)) {
    const [first, ...rest] = run;
    if (first === undefined || rest.length === 0) continue;
    ops.push(moveTo(X(first[0]), Y(geometry.yOf(first[1]))));
    for (const [x, v] of rest) ops.push(lineTo(X(x), Y(geometry.yOf(v))));
    ops.push(stroke());
  }
  ops.push(popGraphicsState(), popGraphicsState());
  page.pushOperators(...ops);
}

type Point = readonly [xMm: number, value: number];

/**
 * The window's samples as polylines in (mm from the strip start, value), min/max-decimated per
 * `BUCKET_MM`. A null sample or a gap between segments ends a polyline: nothing is drawn across
 * data we do not have.
 */
export function polylines(plan: StripPlan): Point[][] {
  const runs: Point[][] = [];
  for (const segment of plan.segments) {
    const periodMs = 1000 / segment.rateHz;
    let run: Point[] = [];
    let bucket = Number.NaN;
    let low: Point | null = null;
    let high: Point | null = null;
    let lowIndex = 0;
    let highIndex = 0;
    const flush = (): void => {
      if (low === null || high === null) return;
      if (low === high) run.push(low);
      else if (lowIndex < highIndex) run.push(low, high);
      else run.push(high, low);
      low = null;
      high = null;
    };
    segment.samples.forEach((sample, i) => {
      const t = segment.startMs + i * periodMs;
      if (t < plan.fromMs || t >= plan.toMs) return;
      if (sample === null || !Number.isFinite(sample)) {
        flush();
        if (run.length > 0) runs.push(run);
        run = [];
        bucket = Number.NaN;
        return;
      }
      const x = ((t - plan.fromMs) / 1000) * PAPER_SPEED_MM_PER_S;
      const b = Math.floor(x / BUCKET_MM);
      if (b !== bucket) {
        flush();
        bucket = b;
      }
      const point: Point = [x, sample];
      if (low === null || sample < low[1]) {
        low = point;
        lowIndex = i;
      }
      if (high === null || sample > high[1]) {
        high = point;
        highIndex = i;
      }
    });
    flush();
    if (run.length > 0) runs.push(run);
  }
  return runs;
}
