import { join } from 'node:path';
import { verifyAuditChain } from '../../../src/core/records/audit/audit-chain';
import { MIGRATIONS, migrate } from '../../../src/core/records/database/schema';
import type { SqlDatabase } from '../../../src/core/records/database/sql-database';
import { openEncryptedDatabase } from '../../../src/core/records/database/sqlite-driver';
import { KEY_FILE, RECORDS_FILE } from '../../../src/core/records/open-records';
import { keyFileProvider } from '../../../src/core/records/records-key';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { FIXTURE_REPORT } from '../../helpers/consultation-fixture';
import { recordBackend } from './record-backend-kit';
import { FIXTURE_EPOCH_MS, openTestRecords, tempDir } from './records-test-kit';

/** A second connection to the database file with its key: what anyone holding the key can do. */
function withKeyHolder(dir: string, fn: (db: SqlDatabase) => void): void {
  const { key } = keyFileProvider(join(dir, KEY_FILE)).load(true);
  const db = openEncryptedDatabase(join(dir, RECORDS_FILE), key);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

describe('the audit log proves itself: a hash chain verified at open and by the equipment check', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  /** A record with a few audit rows (start, report, end), closed. */
  async function recordSomething(): Promise<string> {
    const { backend, api } = recordBackend((now, settings) => openTestRecords(temp.dir, now, settings));
    const { id } = await api['consultation.start'](CONSULTATION_START);
    await api['consultation.report']({ id, report: FIXTURE_REPORT });
    await api['consultation.end']({ id });
    await backend.close();
    return id;
  }

  it('every row links to the previous one, and SQL refuses a row without its hash', async () => {
    await recordSomething();
    withKeyHolder(temp.dir, (db) => {
      expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 5 });
      const rows = db.prepare('SELECT prev_hash, hash FROM audit ORDER BY seq').all();
      for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
      expect(() =>
        db
          .prepare(`INSERT INTO audit (time_ms, action, actor, detail) VALUES (1, 'database.open', 'x', 'y')`)
          .run(),
      ).toThrow(/hash chain/);
    });
  });

  it('an edited row is found at open and by the check, with its seq; the station keeps working', async () => {
    await recordSomething();
    withKeyHolder(temp.dir, (db) => {
      db.exec('DROP TRIGGER audit_no_update');
      db.prepare(`UPDATE audit SET actor = 'Dr Innocent' WHERE seq = 4`).run();
    });

    const { backend, api } = recordBackend((now, settings) => openTestRecords(temp.dir, now, settings));
    try {
      const audit = await api['audit.list']({});
      expect(audit[0]?.action).toBe('database.open');
      expect(audit.find((a) => a.action === 'audit.chain-broken')).toMatchObject({
        actor: 'system',
        detail: 'audit-chain-broken: first bad row 4 (content-changed), found at open',
      });
      const report = await api['check.run']({ throughput: false });
      expect(report.items.find((item) => item.id === 'records.audit-chain')).toMatchObject({
        status: 'fail',
        measured: { code: 'audit-chain-broken', firstBadSeq: 4, reason: 'content-changed' },
      });
      // The station keeps working: a new consultation starts and is recorded.
      const started = await api['consultation.start'](CONSULTATION_START);
      expect(started.status).toBe('active');
    } finally {
      await backend.close();
    }
  });

  it('a deleted row is found: in the middle, at the first row or at the end', async () => {
    await recordSomething();
    withKeyHolder(temp.dir, (db) => {
      db.exec('DROP TRIGGER audit_no_delete');
      db.prepare('DELETE FROM audit WHERE seq = 5').run();
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'rows-missing' });
      db.prepare('DELETE FROM audit WHERE seq = 3').run();
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'seq-gap' });
      db.prepare('DELETE FROM audit WHERE seq = 1').run();
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'seq-gap' });
    });
  });

  it('the last row removed and the log written on: still found at the next open', async () => {
    await recordSomething();
    withKeyHolder(temp.dir, (db) => {
      db.exec('DROP TRIGGER audit_no_delete');
      db.prepare('DELETE FROM audit WHERE seq = 5').run();
    });
    const store = openTestRecords(temp.dir);
    try {
      // Found at open, before this run wrote anything: row 5 is missing.
      expect(store.auditList(5).find((a) => a.action === 'audit.chain-broken')?.detail).toBe(
        'audit-chain-broken: first bad row 5 (rows-missing), found at open',
      );
      // Walked again later (the check), the open's own rows follow the gap: row 6 comes after it.
      expect(store.auditChain(true)).toMatchObject({ ok: false, firstBadSeq: 6, reason: 'seq-gap' });
    } finally {
      store.close();
    }
  });

  it('an intact log passes the check', async () => {
    await recordSomething();
    const { backend, api } = recordBackend((now, settings) => openTestRecords(temp.dir, now, settings));
    try {
      const report = await api['check.run']({ throughput: false });
      expect(report.items.find((item) => item.id === 'records.audit-chain')).toMatchObject({
        status: 'pass',
        measured: { code: 'intact', rows: 6 },
      });
    } finally {
      await backend.close();
    }
  });

  it('a database from before versions and the chain: its report becomes version 1, its rows are chained', () => {
    const id = '0123456789abcdef0123456789abcdef';
    // The first open makes the key; a second file is built at schema 2 by hand with it.
    openTestRecords(temp.dir).close();
    const { key } = keyFileProvider(join(temp.dir, KEY_FILE)).load(true);
    const path = join(temp.dir, 'old.db');
    const old = openEncryptedDatabase(path, key);
    for (const migration of MIGRATIONS.slice(0, 2)) if (typeof migration === 'string') old.exec(migration);
    old.exec('PRAGMA user_version = 2');
    old
      .prepare(
        `INSERT INTO consultations (id, status, patient, accompanying, consent, started_ms, ended_ms, last_data_ms, report)
         VALUES (?, 'ended', ?, NULL, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        JSON.stringify(CONSULTATION_START.patient),
        JSON.stringify({
          ...CONSULTATION_START.consent,
          recordedAt: new Date(FIXTURE_EPOCH_MS).toISOString(),
        }),
        FIXTURE_EPOCH_MS,
        FIXTURE_EPOCH_MS + 600_000,
        FIXTURE_EPOCH_MS + 600_000,
        JSON.stringify(FIXTURE_REPORT),
      );
    old
      .prepare(`INSERT INTO events (consultation, time_ms, body) VALUES (?, ?, ?)`)
      .run(
        id,
        FIXTURE_EPOCH_MS + 300_000,
        JSON.stringify({ kind: 'report', time: new Date(FIXTURE_EPOCH_MS + 300_000).toISOString() }),
      );
    for (const action of ['database.open', 'consultation.start', 'consultation.end'])
      old
        .prepare('INSERT INTO audit (time_ms, action, actor, consultation, detail) VALUES (?, ?, ?, ?, ?)')
        .run(
          FIXTURE_EPOCH_MS,
          action,
          'Léa Garnier',
          action === 'database.open' ? null : id,
          'before the chain',
        );
    old.close();

    const migrated = openEncryptedDatabase(path, key);
    try {
      // The store's own migrate, as at every open.
      migrate(migrated);
      expect(verifyAuditChain(migrated)).toMatchObject({ ok: true, rows: 3 });
      expect(migrated.prepare('SELECT kind, version, saved_ms, saved_by FROM record_versions').all()).toEqual(
        [
          {
            kind: 'report',
            version: 1,
            saved_ms: FIXTURE_EPOCH_MS + 300_000,
            saved_by: 'before versions, signed Dr Camille Martin',
          },
        ],
      );
    } finally {
      migrated.close();
    }
  });
});
