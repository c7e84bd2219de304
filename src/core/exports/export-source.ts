import type { ConsultationDetail } from '../../shared/domain/consultation';

/**
 * What every export (report PDF, care sheet, FHIR bundle) reads a consultation through. The records
 * store implements it over the encrypted database; tests implement it over plain arrays. Exports
 * never see the database, so they stay pure functions of this source.
 */
export interface ExportSource {
  /** The record as the record screen shows it: summary, timeline, media list, metric summaries. */
  readonly detail: ConsultationDetail;
  /** Every numeric reading recorded, in time order (`value` null where the device said invalid). */
  numerics(): Iterable<RecordedNumeric>;
  /**
   * Samples of one waveform channel recorded between two instants (epoch ms, end exclusive), as
   * contiguous segments: a gap (device unplugged, call dropped) starts a new segment.
   */
  waveform(device: string, metric: string, fromMs: number, toMs: number): readonly WaveformSegment[];
  /** The bytes of one attachment (snapshot JPEG/PNG, stethoscope WAV). */
  media(mediaId: string): Uint8Array;
  /** Who made the export: the station software, for the documents' provenance. */
  readonly station: { readonly name: string; readonly version: string };
}

export interface RecordedNumeric {
  readonly device: string;
  readonly metric: string;
  readonly unit: string;
  readonly value: number | null;
  /** ISO 8601 UTC with milliseconds, as the reading carried it. */
  readonly time: string;
  /**
   * Set on a measurement taken before the consultation (a cuff's stored result) that the nurse
   * confirmed for this patient: who (the station's operator) and when (ISO). Exports say so.
   */
  readonly confirmation?: { readonly by: string; readonly at: string };
}

export interface WaveformSegment {
  readonly device: string;
  readonly metric: string;
  readonly unit: string;
  readonly rateHz: number;
  /** Epoch ms of the first sample. */
  readonly startMs: number;
  /** Samples in `unit`; null where the device flagged a sample invalid. */
  readonly samples: readonly (number | null)[];
}
