import { rgb } from 'pdf-lib';

/** PDF user space is in points (1/72 in); printed ECG scales are in millimetres. */
export const PT_PER_MM = 72 / 25.4;
export const mm = (millimetres: number): number => millimetres * PT_PER_MM;

/** A4 in points, both ways. */
export const A4_PORTRAIT: [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

/**
 * Coordinates rounded to 1/100 pt (~3.5 µm, far below any printer): pdf-lib writes numbers with
 * all their digits, and a waveform has thousands of them.
 */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

export const COLORS = {
  text: rgb(0.1, 0.1, 0.1),
  muted: rgb(0.4, 0.4, 0.4),
  rule: rgb(0.75, 0.75, 0.75),
  headerFill: rgb(0.92, 0.94, 0.97),
  accent: rgb(0.12, 0.3, 0.55),
  warning: rgb(0.7, 0.1, 0.1),
} as const;
