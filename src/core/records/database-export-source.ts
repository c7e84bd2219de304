import type { ConsultationDetail } from '../../shared/domain/consultation';
import type { ExportSource, RecordedNumeric, WaveformSegment } from '../exports/export-source';
import type { ConsultationStore } from './consultation-store';
import { decodeSamples } from './sample-codec';

/** Two chunks are one segment when the second starts where the first ends, within half a sample. */
const CONTIGUOUS_TOLERANCE = 0.5;

/**
 * A recorded consultation as the exports read it, straight from the encrypted database: the
 * detail is read once, numerics and waveform samples are streamed per call, so a 30-minute
 * 12-lead record is never held in memory whole unless an export asks for all of it.
 */
export class DatabaseExportSource implements ExportSource {
  readonly detail: ConsultationDetail;

  constructor(
    private readonly store: ConsultationStore,
    private readonly id: string,
    readonly station: { readonly name: string; readonly version: string },
  ) {
    this.detail = store.detail(id);
  }

  *numerics(): Iterable<RecordedNumeric> {
    const rows = this.store.database
      .prepare(
        'SELECT device, metric, unit, value, time_ms FROM numerics WHERE consultation = ? ORDER BY time_ms, rowid',
      )
      .iterate(this.id);
    for (const row of rows)
      yield {
        device: String(row.device),
        metric: String(row.metric),
        unit: String(row.unit),
        value: row.value === null ? null : Number(row.value),
        time: new Date(Number(row.time_ms)).toISOString(),
      };
  }

  waveform(device: string, metric: string, fromMs: number, toMs: number): readonly WaveformSegment[] {
    const rows = this.store.database
      .prepare(
        `SELECT c.unit, c.rate_hz, k.start_ms, k.sample_count, k.encoding, k.scale_exp, k.samples
         FROM waveform_chunks k JOIN waveform_channels c ON c.id = k.channel
         WHERE c.consultation = ? AND c.device = ? AND c.metric = ? AND k.start_ms < ?
           AND k.start_ms + k.sample_count * 1000.0 / c.rate_hz > ?
         ORDER BY k.start_ms, k.rowid`,
      )
      .all(this.id, device, metric, toMs, fromMs);
    const segments: { unit: string; rateHz: number; startMs: number; samples: (number | null)[] }[] = [];
    for (const row of rows) {
      const rateHz = Number(row.rate_hz);
      const periodMs = 1000 / rateHz;
      const count = Number(row.sample_count);
      const all = decodeSamples(
        Number(row.encoding),
        Number(row.scale_exp),
        row.samples as Uint8Array,
        count,
      );
      const chunkStart = Number(row.start_ms);
      const first = Math.max(0, Math.ceil((fromMs - chunkStart) / periodMs - 1e-9));
      const last = Math.min(count, Math.ceil((toMs - chunkStart) / periodMs - 1e-9));
      if (last <= first) continue;
      const startMs = chunkStart + first * periodMs;
      const samples = all.slice(first, last);
      const previous = segments.at(-1);
      const expected = previous === undefined ? NaN : previous.startMs + previous.samples.length * periodMs;
      if (
        previous !== undefined &&
        previous.rateHz === rateHz &&
        previous.unit === String(row.unit) &&
        Math.abs(startMs - expected) <= CONTIGUOUS_TOLERANCE * periodMs
      )
        previous.samples.push(...samples);
      else segments.push({ unit: String(row.unit), rateHz, startMs, samples });
    }
    return segments.map((s) => ({ device, metric, ...s }));
  }

  media(mediaId: string): Uint8Array {
    return this.store.media(this.id, mediaId).bytes;
  }
}
