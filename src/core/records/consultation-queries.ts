import {
  consultationSummarySchema,
  timelineEventSchema,
  type ConsultationSummary,
  type MediaInfo,
  type MetricSummary,
  type TimelineEvent,
  type WaveformChannel,
  mediaInfoSchema,
  MAX_LATEST_VALUES,
} from '../../shared/domain/consultation';
import { isEpisodic, isMetricId } from '../../shared/domain/metrics';
import { jsonOf, textOf, type SqlDatabase, type SqlRow } from './database/sql-database';

/**
 * Reading the record back: rows → the shared schemas. Every JSON column is parsed with its schema
 * on the way out, so a row the app did not write (or a bug) shows as an error, never as a wrong
 * record on screen or in an export.
 */
const iso = (ms: number): string => new Date(ms).toISOString();

export function summaryOf(db: SqlDatabase, row: SqlRow): ConsultationSummary {
  const id = String(row.id);
  const counts = db
    .prepare(
      `SELECT
        (SELECT count(*) FROM numerics WHERE consultation = ?) AS numerics,
        (SELECT coalesce(sum(k.sample_count), 0) FROM waveform_chunks k
           JOIN waveform_channels c ON c.id = k.channel WHERE c.consultation = ?) AS samples,
        (SELECT count(*) FROM media WHERE consultation = ?) AS media,
        (SELECT count(*) FROM events WHERE consultation = ?) AS events,
        (SELECT count(*) FROM record_versions WHERE consultation = ? AND kind = 'report') AS reports,
        (SELECT count(*) FROM record_versions WHERE consultation = ? AND kind = 'care-sheet') AS sheets`,
    )
    .get(id, id, id, id, id, id) as {
    numerics: number;
    samples: number;
    media: number;
    events: number;
    reports: number;
    sheets: number;
  };
  const motive = row.motive === null ? undefined : textOf(row.motive);
  const consultant =
    row.consultant === null || row.consultant === undefined ? undefined : jsonOf(row.consultant);
  return consultationSummarySchema.parse({
    id,
    status: row.status,
    patient: jsonOf(row.patient),
    accompanying: row.accompanying === null ? null : jsonOf(row.accompanying),
    consent: jsonOf(row.consent),
    ...(motive === undefined ? {} : { motive }),
    ...(consultant === undefined ? {} : { consultant }),
    startedAt: iso(Number(row.started_ms)),
    endedAt: row.ended_ms === null ? null : iso(Number(row.ended_ms)),
    // Versions, not the old columns (schema migration 3): the report may have several.
    hasReport: counts.reports > 0,
    hasCareSheet: counts.sheets > 0,
    counts: {
      numerics: counts.numerics,
      waveformSamples: counts.samples,
      media: counts.media,
      events: counts.events,
    },
  });
}

/**
 * The last value of each metric a consultation recorded (any device; nulls counted out), in the
 * order the metrics first came: what the records list shows beside each consultation.
 */
export function latestValuesOf(db: SqlDatabase, id: string): NonNullable<ConsultationSummary['latest']> {
  const last = db.prepare(
    `SELECT unit, value FROM numerics WHERE consultation = ? AND metric = ? AND value IS NOT NULL
     ORDER BY time_ms DESC, rowid DESC LIMIT 1`,
  );
  return db
    .prepare(
      `SELECT metric FROM numerics WHERE consultation = ? AND value IS NOT NULL
       GROUP BY metric ORDER BY min(rowid) LIMIT ?`,
    )
    .all(id, MAX_LATEST_VALUES)
    .flatMap((row) => {
      const metric = String(row.metric);
      const found = last.get(id, metric);
      return found === undefined ? [] : [{ metric, unit: String(found.unit), value: Number(found.value) }];
    });
}

export function timelineOf(db: SqlDatabase, id: string): TimelineEvent[] {
  return db
    .prepare('SELECT body FROM events WHERE consultation = ? ORDER BY seq')
    .all(id)
    .map((row) => timelineEventSchema.parse(jsonOf(row.body)));
}

export function mediaListOf(db: SqlDatabase, id: string): MediaInfo[] {
  return db
    .prepare('SELECT info FROM media WHERE consultation = ? ORDER BY rowid')
    .all(id)
    .map((row) => mediaInfoSchema.parse(jsonOf(row.info)));
}

/**
 * Min / max / last per device and metric (nulls counted out), with the times they were measured.
 * An episodic metric counts measurements (distinct device times), not rows: a record written before
 * the station knew a monitor repeats its held cuff result at every poll says 1 measurement, not 60.
 */
export function metricSummariesOf(db: SqlDatabase, id: string): MetricSummary[] {
  const point = (sql: string, device: string, metric: string) => {
    const row = db.prepare(sql).get(id, device, metric);
    return row === undefined || row.v === null ? null : { value: Number(row.v), time: iso(Number(row.t)) };
  };
  const where = 'WHERE consultation = ? AND device = ? AND metric = ? AND value IS NOT NULL';
  return db
    .prepare(
      `SELECT device, metric, max(unit) AS unit, count(value) AS n,
         count(DISTINCT CASE WHEN value IS NOT NULL THEN time_ms END) AS measurements FROM numerics
       WHERE consultation = ? GROUP BY device, metric ORDER BY min(rowid)`,
    )
    .all(id)
    .map((group) => {
      const device = String(group.device);
      const metric = String(group.metric);
      return {
        device,
        metric,
        unit: String(group.unit),
        count: Number(isMetricId(metric) && isEpisodic(metric) ? group.measurements : group.n),
        min: point(
          `SELECT value AS v, time_ms AS t FROM numerics ${where} ORDER BY value, time_ms LIMIT 1`,
          device,
          metric,
        ),
        max: point(
          `SELECT value AS v, time_ms AS t FROM numerics ${where} ORDER BY value DESC, time_ms LIMIT 1`,
          device,
          metric,
        ),
        last: point(
          `SELECT value AS v, time_ms AS t FROM numerics ${where} ORDER BY time_ms DESC, rowid DESC LIMIT 1`,
          device,
          metric,
        ),
      };
    });
}

export function waveformChannelsOf(db: SqlDatabase, id: string): WaveformChannel[] {
  return db
    .prepare(
      `SELECT c.device, c.metric, max(c.unit) AS unit, max(c.rate_hz) AS rate, min(k.start_ms) AS first,
         max(k.start_ms + (k.sample_count - 1) * 1000.0 / c.rate_hz) AS last, sum(k.sample_count) AS n
       FROM waveform_chunks k JOIN waveform_channels c ON c.id = k.channel
       WHERE c.consultation = ? GROUP BY c.device, c.metric ORDER BY min(c.id)`,
    )
    .all(id)
    .map((row) => ({
      device: String(row.device),
      metric: String(row.metric),
      unit: String(row.unit),
      rateHz: Number(row.rate),
      firstSampleAt: iso(Math.round(Number(row.first))),
      lastSampleAt: iso(Math.round(Number(row.last))),
      samples: Number(row.n),
    }));
}

export function devicesOf(db: SqlDatabase, id: string): { id: string; name: string; protocol: string }[] {
  return db
    .prepare('SELECT device, name, protocol FROM devices_seen WHERE consultation = ? ORDER BY rowid')
    .all(id)
    .map((row) => ({ id: String(row.device), name: String(row.name), protocol: String(row.protocol) }));
}
