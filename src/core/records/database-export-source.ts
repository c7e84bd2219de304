import type { ConsultationDetail } from '../../shared/domain/consultation';
import type { ExportSource, RecordedNumeric, WaveformSegment } from '../exports/export-source';
import type { ConsultationStore } from './consultation-store';
import { z } from 'zod';
import { jsonOf, type SqlRow, type SqlStatement } from './database/sql-database';
import { decodeSamples } from './sample-codec';

interface RecordedChannel {
  readonly id: number;
  readonly unit: string;
  readonly rateHz: number;
  readonly longestChunkMs: number;
}

/** A confirmation column, parsed on the way out like every JSON column (consultation-queries.ts). */
const confirmationSchema = z.strictObject({ by: z.string().max(120), at: z.iso.datetime() });

/** Two chunks are one segment when the second starts where the first ends, within half a sample. */
const CONTIGUOUS_TOLERANCE = 0.5;

/**
 * A recorded consultation as the exports read it, straight from the encrypted database: the
 * detail is read once, numerics and waveform samples are streamed per call, so a 30-minute
 * 12-lead record is never held in memory whole unless an export asks for all of it.
 */
export class DatabaseExportSource implements ExportSource {
  readonly detail: ConsultationDetail;
  private readonly channels = new Map<string, readonly RecordedChannel[]>();
  private chunks: SqlStatement | undefined;

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
        'SELECT device, metric, unit, value, time_ms, confirmation FROM numerics WHERE consultation = ? ORDER BY time_ms, rowid',
      )
      .iterate(this.id);
    for (const row of rows)
      yield {
        device: String(row.device),
        metric: String(row.metric),
        unit: String(row.unit),
        value: row.value === null ? null : Number(row.value),
        time: new Date(Number(row.time_ms)).toISOString(),
        ...(row.confirmation === null || row.confirmation === undefined
          ? {}
          : { confirmation: confirmationSchema.parse(jsonOf(row.confirmation)) }),
      };
  }

  waveform(device: string, metric: string, fromMs: number, toMs: number): readonly WaveformSegment[] {
    // Bounded on both sides of the (channel, start_ms) index: a chunk that overlaps `fromMs` starts
    // at most one chunk length before it. Without the lower bound every call re-read the recording
    // from its first chunk, and a 30-minute export sliced into 10 s windows went quadratic.
    const rows = this.channelsOf(device, metric).flatMap((channel) =>
      this.chunksQuery()
        .all(channel.id, fromMs - channel.longestChunkMs - 1, toMs)
        .map((row): SqlRow => ({ ...row, unit: channel.unit, rate_hz: channel.rateHz })),
    );
    rows.sort((a, b) => Number(a.start_ms) - Number(b.start_ms));
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

  private channelsOf(device: string, metric: string): readonly RecordedChannel[] {
    const key = `${device}\u0000${metric}`;
    let channels = this.channels.get(key);
    if (channels === undefined) {
      channels = this.store.database
        .prepare(
          `SELECT c.id, c.unit, c.rate_hz,
             COALESCE((SELECT MAX(k.sample_count) FROM waveform_chunks k WHERE k.channel = c.id), 0) AS longest
           FROM waveform_channels c WHERE c.consultation = ? AND c.device = ? AND c.metric = ?`,
        )
        .all(this.id, device, metric)
        .map((row) => ({
          id: Number(row.id),
          unit: String(row.unit),
          rateHz: Number(row.rate_hz),
          longestChunkMs: (Number(row.longest) * 1000) / Number(row.rate_hz),
        }));
      this.channels.set(key, channels);
    }
    return channels;
  }

  private chunksQuery(): SqlStatement {
    this.chunks ??= this.store.database.prepare(
      `SELECT start_ms, sample_count, encoding, scale_exp, samples FROM waveform_chunks
       WHERE channel = ? AND start_ms > ? AND start_ms < ? ORDER BY start_ms, rowid`,
    );
    return this.chunks;
  }

  media(mediaId: string): Uint8Array {
    return this.store.media(this.id, mediaId).bytes;
  }
}
