import {
  recordVersionSchema,
  type CareSheet,
  type RecordVersion,
  type RecordVersionKind,
  type Report,
} from '../../shared/domain/consultation';
import { jsonOf, type SqlDatabase } from './database/sql-database';

/**
 * The report and the care sheet as versions: each save is a new row numbered after the last, never
 * an update (SQL refuses one). Read back oldest first and parsed with the shared schema, like
 * every JSON column.
 */
export function addVersion(
  db: SqlDatabase,
  id: string,
  kind: RecordVersionKind,
  body: Report | CareSheet,
  saved: { readonly ms: number; readonly by: string },
): number {
  const last = db
    .prepare('SELECT max(version) AS v FROM record_versions WHERE consultation = ? AND kind = ?')
    .get(id, kind);
  const version = Number(last?.v ?? 0) + 1;
  db.prepare(
    'INSERT INTO record_versions (consultation, kind, version, saved_ms, saved_by, body) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, kind, version, saved.ms, saved.by.slice(0, 120), JSON.stringify(body));
  return version;
}

export function versionsOf(db: SqlDatabase, id: string): RecordVersion[] {
  return db
    .prepare(
      'SELECT kind, version, saved_ms, saved_by, body FROM record_versions WHERE consultation = ? ORDER BY rowid',
    )
    .all(id)
    .map((row) => {
      const kind = String(row.kind);
      const base = {
        version: Number(row.version),
        savedAt: new Date(Number(row.saved_ms)).toISOString(),
        savedBy: String(row.saved_by),
      };
      return recordVersionSchema.parse(
        kind === 'report'
          ? { kind, ...base, report: jsonOf(row.body) }
          : { kind, ...base, careSheet: jsonOf(row.body) },
      );
    });
}

/** The newest version of a kind, or null when none was saved. */
export function latestOf<K extends RecordVersionKind>(
  versions: readonly RecordVersion[],
  kind: K,
): Extract<RecordVersion, { kind: K }> | null {
  let latest: Extract<RecordVersion, { kind: K }> | null = null;
  for (const v of versions)
    if (v.kind === kind && (latest === null || v.version > latest.version))
      latest = v as Extract<RecordVersion, { kind: K }>;
  return latest;
}
