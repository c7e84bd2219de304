import { chainExistingAuditRows } from '../audit/audit-chain';
import { migratePatientIdentity } from './patient-identity-migration';
import type { SqlDatabase } from './sql-database';

/** SQL run as is, or a step that needs code (hashing) inside the migration's transaction. */
export type Migration = string | ((db: SqlDatabase) => void);

const APPEND_ONLY_AUDIT_TRIGGERS = `
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

/**
 * The records schema, as numbered migrations applied in order and counted in `user_version`.
 * A released migration is never edited: a change is a new entry at the end.
 *
 * Waveform samples are stored as chunks (one row per channel per batch window, ~0.5 s) in a
 * compact BLOB (sample-codec.ts): one row per sample would be 3000 rows a second for 12 leads.
 * A chunk row names its channel by number (waveform_channels): with the ids and names repeated in
 * every 250-byte chunk, the database was half overhead.
 * The audit log is append-only in SQL itself: triggers abort any UPDATE or DELETE, so not even a
 * bug in this app can rewrite it (deleting a consultation keeps its audit rows: no foreign key).
 */
export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE consultations (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('active', 'ended', 'interrupted')),
    patient TEXT NOT NULL,
    accompanying TEXT,
    consent TEXT NOT NULL,
    motive TEXT,
    started_ms INTEGER NOT NULL,
    ended_ms INTEGER,
    last_data_ms INTEGER NOT NULL,
    report TEXT,
    care_sheet TEXT
  );
  CREATE INDEX consultations_started ON consultations (started_ms);
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    time_ms INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX events_consultation ON events (consultation, seq);
  CREATE TABLE numerics (
    consultation TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    device TEXT NOT NULL,
    metric TEXT NOT NULL,
    unit TEXT NOT NULL,
    value REAL,
    time_ms INTEGER NOT NULL
  );
  CREATE INDEX numerics_consultation ON numerics (consultation, time_ms);
  CREATE TABLE waveform_channels (
    id INTEGER PRIMARY KEY,
    consultation TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    device TEXT NOT NULL,
    metric TEXT NOT NULL,
    unit TEXT NOT NULL,
    rate_hz REAL NOT NULL,
    UNIQUE (consultation, device, metric, unit, rate_hz)
  );
  CREATE TABLE waveform_chunks (
    channel INTEGER NOT NULL REFERENCES waveform_channels (id) ON DELETE CASCADE,
    start_ms REAL NOT NULL,
    sample_count INTEGER NOT NULL,
    encoding INTEGER NOT NULL,
    scale_exp INTEGER NOT NULL,
    samples BLOB NOT NULL
  );
  CREATE INDEX waveform_chunks_channel ON waveform_chunks (channel, start_ms);
  CREATE TABLE media (
    id TEXT PRIMARY KEY,
    consultation TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    info TEXT NOT NULL,
    bytes BLOB NOT NULL
  );
  CREATE INDEX media_consultation ON media (consultation);
  CREATE TABLE devices_seen (
    consultation TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    device TEXT NOT NULL,
    name TEXT NOT NULL,
    protocol TEXT NOT NULL,
    PRIMARY KEY (consultation, device)
  );
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    consultation TEXT,
    detail TEXT NOT NULL
  );
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
  // 2: a measurement taken before the consultation and confirmed for its patient carries who
  // confirmed it and when (JSON {by, at}); null for every reading measured during the consultation.
  `
  ALTER TABLE numerics ADD COLUMN confirmation TEXT;
  `,
  // 3: the report and the care sheet are versioned, never overwritten: one row per save, with who
  // saved it and when. A record's single report (and care sheet) becomes its version 1, timed by
  // its last timeline entry of that kind. Who saved it was never recorded: `saved_by` says so, with
  // the name written in it (a client's text, so never passed off as a known actor).
  // The old columns stay as they were (a released schema is never rewritten) and are not read.
  `
  CREATE TABLE record_versions (
    consultation TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('report', 'care-sheet')),
    version INTEGER NOT NULL CHECK (version >= 1),
    saved_ms INTEGER NOT NULL,
    saved_by TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (consultation, kind, version)
  );
  INSERT INTO record_versions (consultation, kind, version, saved_ms, saved_by, body)
    SELECT c.id, 'report', 1,
      coalesce((SELECT max(e.time_ms) FROM events e
                WHERE e.consultation = c.id AND json_extract(e.body, '$.kind') = 'report'), c.started_ms),
      'before versions, signed ' || substr(coalesce(json_extract(c.report, '$.author.name'), '?'), 1, 90),
      c.report
    FROM consultations c WHERE c.report IS NOT NULL;
  INSERT INTO record_versions (consultation, kind, version, saved_ms, saved_by, body)
    SELECT c.id, 'care-sheet', 1,
      coalesce((SELECT max(e.time_ms) FROM events e
                WHERE e.consultation = c.id AND json_extract(e.body, '$.kind') = 'care-sheet'), c.started_ms),
      'before versions, signed ' || substr(coalesce(json_extract(c.care_sheet, '$.doctor.name'), '?'), 1, 90),
      c.care_sheet
    FROM consultations c WHERE c.care_sheet IS NOT NULL;
  CREATE TRIGGER record_versions_no_update BEFORE UPDATE ON record_versions
    BEGIN SELECT RAISE(ABORT, 'a saved version is never rewritten: save a new one'); END;
  `,
  // 4: the audit log as a hash chain (audit-chain.ts). Rows written before are chained now, in
  // order, with the append-only triggers lifted for this transaction only; from now on a row
  // without its hash is refused by SQL itself.
  (db) => {
    db.exec(`
      ALTER TABLE audit ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit ADD COLUMN hash TEXT;
      DROP TRIGGER audit_no_update;
      DROP TRIGGER audit_no_delete;
    `);
    chainExistingAuditRows(db);
    db.exec(`
      ${APPEND_ONLY_AUDIT_TRIGGERS}
      CREATE TRIGGER audit_hash_required BEFORE INSERT ON audit
        WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
        BEGIN SELECT RAISE(ABORT, 'an audit row needs its place in the hash chain'); END;
    `);
  },
  // 5: the doctor's writes per consultation (notes and their characters, report saves, snapshot and
  // measurement requests, chat lines), counted in the record so a page reload or a restart of the
  // station starts no fresh budget (doctor-write-count.ts).
  `
  CREATE TABLE doctor_writes (
    consultation TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    chars INTEGER NOT NULL,
    PRIMARY KEY (consultation, kind)
  );
  `,
  // 6: the patient's identity as the RNIV defines it (issue 16): birth given names as a list, an
  // identity status (every earlier record: provisional), an INS refused by today's checks kept
  // apart as `legacyIns` (patient-identity-migration.ts).
  migratePatientIdentity,
  // 7: the doctor's identity as Pro Santé Connect verified it (issue 16 item 4), JSON of
  // consultant-identity.ts; NULL: not verified (every earlier record). Added only if missing, so a
  // database whose version number was put back (tests replaying an earlier migration) still opens.
  (db) => {
    const columns = db.prepare(`SELECT name FROM pragma_table_info('consultations')`).all();
    if (!columns.some((column) => column.name === 'consultant'))
      db.exec('ALTER TABLE consultations ADD COLUMN consultant TEXT;');
  },
];

/** Brings the database to the latest schema; refuses one written by a newer version of the app. */
export function migrate(db: SqlDatabase): void {
  const version = Number(db.pragmaValue('user_version'));
  if (version > MIGRATIONS.length)
    throw new Error(
      `${db.path}: written by a newer version of the station (schema ${version}, this one knows ${MIGRATIONS.length})`,
    );
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      const migration = MIGRATIONS[next] ?? '';
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.exec(`PRAGMA user_version = ${next + 1}`);
    });
  }
}
