/**
 * What the recorder commits in one transaction: the readings of one batch window, waveform
 * readings already merged into one chunk per contiguous channel run.
 */
export interface NumericRow {
  readonly device: string;
  readonly metric: string;
  readonly unit: string;
  readonly value: number | null;
  readonly timeMs: number;
  /** Set on a measurement from before the consultation that the nurse confirmed for this patient. */
  readonly confirmation?: Confirmation;
}

/** Who confirmed a measurement from before the consultation, and when (ISO). */
export interface Confirmation {
  readonly by: string;
  readonly at: string;
}

export interface WaveformChunk {
  readonly device: string;
  readonly metric: string;
  readonly unit: string;
  readonly rateHz: number;
  readonly startMs: number;
  readonly samples: readonly (number | null)[];
}

export interface RecordedBatch {
  readonly numerics: readonly NumericRow[];
  readonly chunks: readonly WaveformChunk[];
}
