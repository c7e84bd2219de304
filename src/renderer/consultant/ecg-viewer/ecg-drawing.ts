/**
 * Draws one ECG lead on a canvas: the paper grid (200 ms / 0.5 mV big squares, 40 ms / 0.1 mV
 * small ones when they are at least 4 px apart) and the trace, a min–max column per pixel when
 * there are more samples than pixels so no QRS is lost to decimation. NaN (no sample) breaks the line.
 */
export interface EcgView {
  /** Absolute index of the first sample shown. */
  readonly from: number;
  readonly count: number;
  readonly rateHz: number;
  /** Value range shown, bottom to top, in the lead's unit. */
  readonly low: number;
  readonly high: number;
  /** The unit is mV: the grid follows ECG paper; otherwise only the time grid is drawn. */
  readonly millivolts: boolean;
}

const GRID_MINOR = 'rgba(255, 107, 107, 0.12)';
const GRID_MAJOR = 'rgba(255, 107, 107, 0.32)';
const TRACE = '#5cf08f';
const MIN_MINOR_PX = 4;

export function drawEcg(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  samples: Float32Array,
  view: EcgView,
): void {
  ctx.clearRect(0, 0, width, height);
  drawGrid(ctx, width, height, view);
  const y = (v: number): number => height - ((v - view.low) / (view.high - view.low)) * height;
  ctx.strokeStyle = TRACE;
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  const perPixel = view.count / width;
  let pen = false;
  if (perPixel <= 1) {
    for (let k = 0; k < samples.length; k++) {
      const v = samples[k];
      if (Number.isNaN(v)) {
        pen = false;
        continue;
      }
      const x = (k / view.count) * width;
      if (pen) ctx.lineTo(x, y(v));
      else ctx.moveTo(x, y(v));
      pen = true;
    }
  } else {
    for (let px = 0; px < width; px++) {
      const start = Math.floor(px * perPixel);
      const end = Math.min(samples.length, Math.floor((px + 1) * perPixel));
      let min = Infinity;
      let max = -Infinity;
      for (let k = start; k < end; k++) {
        const v = samples[k];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (min > max) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(px, y(min));
      else ctx.moveTo(px, y(min));
      ctx.lineTo(px, y(max));
      pen = true;
    }
  }
  ctx.stroke();
}

function drawGrid(ctx: CanvasRenderingContext2D, width: number, height: number, view: EcgView): void {
  const pxPerMs = width / ((view.count / view.rateHz) * 1000);
  const firstMs = (view.from / view.rateHz) * 1000;
  const lines = (stepMs: number, colour: string): void => {
    const stepPx = stepMs * pxPerMs;
    if (stepPx < MIN_MINOR_PX) return;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1;
    ctx.beginPath();
    // Lines sit on whole multiples of the step on the sample clock, so they scroll with the trace.
    for (let x = (Math.ceil(firstMs / stepMs) * stepMs - firstMs) * pxPerMs; x <= width; x += stepPx) {
      ctx.moveTo(Math.round(x) + 0.5, 0);
      ctx.lineTo(Math.round(x) + 0.5, height);
    }
    ctx.stroke();
  };
  lines(40, GRID_MINOR);
  lines(200, GRID_MAJOR);
  if (!view.millivolts) return;
  const pxPerMv = height / (view.high - view.low);
  const rows = (stepMv: number, colour: string): void => {
    if (stepMv * pxPerMv < MIN_MINOR_PX) return;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    for (let v = Math.ceil(view.low / stepMv) * stepMv; v <= view.high; v += stepMv) {
      const y = Math.round(height - (v - view.low) * pxPerMv) + 0.5;
      ctx.moveTo(0, y);
      ctx.lineTo(width, y);
    }
    ctx.stroke();
  };
  rows(0.1, GRID_MINOR);
  rows(0.5, GRID_MAJOR);
}

/** The value range to show: `±halfRange` around the stretch's median (its baseline), on a 0.1 step. */
export function valueRange(samples: Float32Array, halfRange: number | null): { low: number; high: number } {
  const finite = Array.from(samples).filter((v) => Number.isFinite(v));
  if (finite.length === 0)
    return halfRange === null ? { low: 0, high: 1 } : { low: -halfRange, high: halfRange };
  const sorted = finite.sort((a, b) => a - b);
  if (halfRange === null) {
    // Not in mV (raw ADC counts): the stretch's own span, with a margin.
    const min = sorted[0];
    const max = sorted[sorted.length - 1];
    const margin = Math.max((max - min) * 0.1, 1);
    return { low: min - margin, high: max + margin };
  }
  const centre = Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
  return { low: centre - halfRange, high: centre + halfRange };
}
