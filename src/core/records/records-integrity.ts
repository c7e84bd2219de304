import type { SqlDatabase } from './database/sql-database';
import { RecordsError } from './records-error';

/**
 * Whether the database's pages read back whole. SQLCipher authenticates every page, so a damaged
 * page makes SQLite's own checks fail outright (SQLITE_CORRUPT) rather than list a problem: either
 * way the file is damaged. Then each consultation is read in full, the way the station reads it, to
 * name the records that can no longer be read; the others, and new consultations, still work.
 * `quick` (PRAGMA quick_check) runs at every open; `full` (PRAGMA integrity_check, which also
 * compares every index with its table) runs in the equipment check.
 */
export type IntegrityDepth = 'quick' | 'full';

export type RecordsIntegrity =
  | { readonly ok: true; readonly depth: IntegrityDepth }
  | {
      readonly ok: false;
      readonly depth: IntegrityDepth;
      /** SQLite's findings (at most 10), or the error it stopped on. */
      readonly problems: readonly string[];
      /** Consultations with a row that cannot be read; empty when the damage is elsewhere. */
      readonly damagedRecords: readonly string[];
    };

const MAX_PROBLEMS = 10;

export function checkRecordsIntegrity(db: SqlDatabase, depth: IntegrityDepth): RecordsIntegrity {
  const problems = sqliteFindings(db, depth);
  if (problems.length === 0) return { ok: true, depth };
  return { ok: false, depth, problems, damagedRecords: damagedRecords(db) };
}

/** For the audit log and the host's log: which records, and what SQLite said. */
export function damageDetail(integrity: Extract<RecordsIntegrity, { ok: false }>): string {
  const records = integrity.damagedRecords;
  return (
    `${integrity.depth === 'quick' ? 'quick_check' : 'integrity_check'}: damaged pages; ` +
    (records.length === 0
      ? 'no consultation affected'
      : `consultations that cannot be read: ${records.join(', ')}`) +
    ` (${integrity.problems.join('; ').slice(0, 500)})`
  );
}

function sqliteFindings(db: SqlDatabase, depth: IntegrityDepth): string[] {
  const pragma = depth === 'quick' ? 'quick_check' : 'integrity_check';
  try {
    const rows = db.prepare(`PRAGMA ${pragma}(${MAX_PROBLEMS})`).all();
    const findings = rows.map((row) => String(Object.values(row)[0]));
    return findings.length === 1 && findings[0] === 'ok' ? [] : findings;
  } catch (cause) {
    if (cause instanceof RecordsError && cause.code === 'corrupted') return [cause.message];
    throw cause;
  }
}

/** Every row a consultation owns, through the same indexes the station reads it by. */
const RECORD_READS = [
  'SELECT * FROM consultations WHERE id = ?',
  'SELECT * FROM events WHERE consultation = ?',
  'SELECT * FROM numerics WHERE consultation = ?',
  'SELECT * FROM waveform_channels WHERE consultation = ?',
  'SELECT k.* FROM waveform_chunks k JOIN waveform_channels c ON c.id = k.channel WHERE c.consultation = ?',
  'SELECT * FROM media WHERE consultation = ?',
  'SELECT * FROM devices_seen WHERE consultation = ?',
  'SELECT * FROM record_versions WHERE consultation = ?',
];

/** Tables a consultation's id can be found in, so a damaged `consultations` page hides none. */
const ID_SOURCES = [
  'SELECT id FROM consultations',
  'SELECT DISTINCT consultation FROM events',
  'SELECT DISTINCT consultation FROM waveform_channels',
  'SELECT DISTINCT consultation FROM media',
];

function damagedRecords(db: SqlDatabase): string[] {
  const ids = new Set<string>();
  for (const sql of ID_SOURCES)
    readable(() => {
      for (const row of db.prepare(sql).all()) ids.add(String(Object.values(row)[0]));
    });
  return [...ids].filter(
    (id) =>
      !RECORD_READS.every((sql) =>
        // all(), not iterate(): every value is decoded, blobs included, and errors come mapped.
        readable(() => void db.prepare(sql).all(id)),
      ),
  );
}

/** False when reading hit a damaged page; any other failure is not ours to hide. */
function readable(read: () => void): boolean {
  try {
    read();
    return true;
  } catch (cause) {
    if (cause instanceof RecordsError && cause.code === 'corrupted') return false;
    throw cause;
  }
}
