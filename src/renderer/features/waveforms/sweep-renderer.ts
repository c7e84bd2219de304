import { fitRange, type WaveformScale } from './auto-scale';
import { spansToClear, sweepX, valueToY } from './sweep-geometry';
import type { WaveformChannel } from './waveform-store';
import { traceFrameLoop, type FrameDrawer, type FrameLoop } from './frame-loop';

/**
 * Draws a waveform channel as a sweeping trace on a canvas, once per animation frame, straight
 * from its ring buffer: only the samples that arrived since the last frame are drawn, and the band
 * just ahead of them is erased. React is not involved after mounting. The backing store follows
 * the element's CSS size times devicePixelRatio, so the trace stays sharp on HiDPI screens and
 * after a resize (which redraws the visible window from the buffer). An autoscaled trace is
 * redrawn whole when its range changes, which `fitRange` keeps rare.
 */
export interface SweepOptions {
  readonly getChannel: () => WaveformChannel | undefined;
  readonly windowS: number;
  readonly scale: WaveformScale;
}

/** Fraction of the sweep left blank ahead of the newest sample. */
const GAP_FRACTION = 0.03;

export class SweepRenderer implements FrameDrawer {
  private stopDrawing: (() => void) | null = null;
  /** The opaque background the trace is drawn on (the canvas has no alpha channel: cheaper to composite). */
  private background = '#000';
  private lastDrawn = 0;
  private drawnBuffer: unknown = null;
  private needsFullRedraw = true;
  private dpr = 0;
  private range: readonly [number, number] | null = null;
  private readonly resizeObserver: ResizeObserver | null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly context: CanvasRenderingContext2D,
    private readonly options: SweepOptions,
    private readonly loop: FrameLoop = traceFrameLoop,
  ) {
    this.resizeObserver =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => (this.needsFullRedraw = true));
    this.resizeObserver?.observe(canvas);
  }

  start(): void {
    this.stopDrawing ??= this.loop.add(this);
  }

  stop(): void {
    this.stopDrawing?.();
    this.stopDrawing = null;
    this.resizeObserver?.disconnect();
  }

  drawFrame(): void {
    const channel = this.options.getChannel();
    if (window.devicePixelRatio !== this.dpr) this.needsFullRedraw = true;
    if (channel?.buffer !== this.drawnBuffer) this.needsFullRedraw = true;
    const samplesPerSweep = Math.max(2, Math.round((channel?.rateHz ?? 1) * this.options.windowS));
    const range = this.currentRange(channel, samplesPerSweep);
    if (this.needsFullRedraw) this.resetCanvas(channel);
    if (channel === undefined || range === null) return;

    const { buffer } = channel;
    const gap = Math.max(2, Math.round(samplesPerSweep * GAP_FRACTION));
    const newest = buffer.totalWritten;
    const from = Math.max(this.lastDrawn, buffer.oldestIndex, newest - samplesPerSweep + gap);
    if (from >= newest) return;

    const { width, height } = this.canvas;
    const ctx = this.context;
    ctx.fillStyle = this.background;
    for (const [start, end] of spansToClear(from, newest, gap, samplesPerSweep)) {
      const x0 = Math.floor((start / samplesPerSweep) * width);
      ctx.fillRect(x0, 0, Math.ceil((end / samplesPerSweep) * width) - x0 + 1, height);
    }
    ctx.beginPath();
    let penDown = false;
    for (let i = Math.max(from - 1, buffer.oldestIndex); i < newest; i++) {
      const value = buffer.at(i);
      if (value === undefined || Number.isNaN(value) || i % samplesPerSweep === 0) penDown = false;
      if (value === undefined || Number.isNaN(value)) continue;
      const x = sweepX(i, samplesPerSweep, width);
      const y = valueToY(value, range, height, 4 * this.dpr);
      if (penDown) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      penDown = true;
    }
    ctx.stroke();
    this.lastDrawn = newest;
  }

  /** The fixed range, or the autoscaled one for the visible window; a change forces a redraw. */
  private currentRange(
    channel: WaveformChannel | undefined,
    samplesPerSweep: number,
  ): readonly [number, number] | null {
    const { scale } = this.options;
    if (scale.kind === 'fixed') return scale.range;
    if (channel === undefined) return this.range;
    const { buffer } = channel;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (
      let i = Math.max(buffer.oldestIndex, buffer.totalWritten - samplesPerSweep);
      i < buffer.totalWritten;
      i++
    ) {
      const value = buffer.at(i);
      if (value === undefined || Number.isNaN(value)) continue;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    const next = fitRange(min, max, this.range);
    if (next !== null && (this.range === null || next[0] !== this.range[0] || next[1] !== this.range[1])) {
      this.range = next;
      this.needsFullRedraw = true;
    }
    return this.range;
  }

  private resetCanvas(channel: WaveformChannel | undefined): void {
    this.needsFullRedraw = false;
    this.dpr = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.canvas.clientWidth * this.dpr));
    const height = Math.max(1, Math.round(this.canvas.clientHeight * this.dpr));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width; // also clears, and resets the context state
      this.canvas.height = height;
    }
    const ctx = this.context;
    this.background = opaqueBackground(this.canvas);
    ctx.fillStyle = this.background;
    ctx.fillRect(0, 0, width, height);
    ctx.strokeStyle = getComputedStyle(this.canvas).color || '#3ee08f';
    ctx.lineWidth = 2 * this.dpr;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    this.drawnBuffer = channel?.buffer ?? null;
    this.lastDrawn = 0; // drawFrame clamps this to the visible window
  }
}

/**
 * The colour the canvas sits on: its own background, else the nearest ancestor's that is not
 * transparent. An opaque canvas (`alpha: false`) paints it instead of clearing to transparent.
 */
function opaqueBackground(canvas: HTMLCanvasElement): string {
  for (let element: Element | null = canvas; element !== null; element = element.parentElement) {
    const colour = getComputedStyle(element).backgroundColor;
    if (colour !== '' && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#000';
}
