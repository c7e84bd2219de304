import { createHash } from 'node:crypto';
import { textOf, type SqlDatabase, type SqlRow } from '../database/sql-database';

/**
 * The audit log's hash chain. Each row holds `prev_hash` (the previous row's `hash`; 64 zeros for
 * the first) and `hash`, the SHA-256 of its own canonical content with `prev_hash` in it. Editing a
 * row breaks its own hash; deleting or inserting one breaks the next row's link. Whoever holds the
 * key could still rewrite every later row: the chain proves the log consistent, not unforgeable
 * (SECURITY.md says what anchors it).
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRowContent {
  readonly seq: number;
  readonly timeMs: number;
  readonly action: string;
  readonly actor: string;
  readonly consultation: string | null;
  readonly detail: string;
  readonly prevHash: string;
}

/** One JSON array, fixed order, no whitespace: the same bytes on every run and platform. */
export function canonicalAuditRow(row: AuditRowContent): string {
  return JSON.stringify([
    row.seq,
    row.timeMs,
    row.action,
    row.actor,
    row.consultation,
    row.detail,
    row.prevHash,
  ]);
}

export function auditRowHash(row: AuditRowContent): string {
  return createHash('sha256').update(canonicalAuditRow(row), 'utf8').digest('hex');
}

export function auditContentOf(row: SqlRow): AuditRowContent {
  return {
    seq: Number(row.seq),
    timeMs: Number(row.time_ms),
    action: textOf(row.action),
    actor: textOf(row.actor),
    consultation: row.consultation === null ? null : textOf(row.consultation),
    detail: textOf(row.detail),
    prevHash: row.prev_hash === null || row.prev_hash === undefined ? '' : textOf(row.prev_hash),
  };
}

/**
 * Why the chain breaks at a row: its own content changed, its link to the previous row, a number
 * skipped (rows are numbered without gaps: a write that fails rolls its number back), or the last
 * rows gone (SQLite's counter remembers numbers beyond the last row).
 */
export type AuditBreakReason =
  'content-changed' | 'link-broken' | 'hash-missing' | 'seq-gap' | 'rows-missing';

export type AuditChainCheck =
  | { readonly ok: true; readonly rows: number; readonly head: string }
  | {
      readonly ok: false;
      readonly code: 'audit-chain-broken';
      readonly rows: number;
      /** The first row that does not hold: the one edited, or the one after a deleted row. */
      readonly firstBadSeq: number;
      readonly reason: AuditBreakReason;
    };

/** Walks the whole log in order (streamed: a log of a million rows is never held in memory). */
export function verifyAuditChain(db: SqlDatabase): AuditChainCheck {
  let previous = GENESIS_HASH;
  let rows = 0;
  let lastSeq = 0;
  for (const row of db.prepare('SELECT * FROM audit ORDER BY seq').iterate()) {
    rows++;
    const content = auditContentOf(row);
    const stored = row.hash === null ? null : textOf(row.hash);
    const reason: AuditBreakReason | null =
      stored === null
        ? 'hash-missing'
        : content.seq !== lastSeq + 1
          ? 'seq-gap'
          : content.prevHash !== previous
            ? 'link-broken'
            : auditRowHash(content) !== stored
              ? 'content-changed'
              : null;
    if (reason !== null)
      return { ok: false, code: 'audit-chain-broken', rows, firstBadSeq: content.seq, reason };
    previous = stored ?? previous;
    lastSeq = content.seq;
  }
  const counter = Number(db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit'`).get()?.seq ?? 0);
  if (counter > lastSeq)
    return { ok: false, code: 'audit-chain-broken', rows, firstBadSeq: lastSeq + 1, reason: 'rows-missing' };
  return { ok: true, rows, head: previous };
}

/** The hash the next row links to: the last row's, or the genesis value for an empty log. */
export function auditHead(db: SqlDatabase): { seq: number; hash: string } {
  const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get();
  const sequence = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit'`).get();
  return {
    seq: Math.max(Number(last?.seq ?? 0), Number(sequence?.seq ?? 0)),
    hash: last === undefined || last.hash === null ? GENESIS_HASH : textOf(last.hash),
  };
}

/**
 * Migration 4's step: chains the rows written before the chain existed, in order. The append-only
 * triggers are lifted for this one transaction (the migration's) and put back by the caller.
 */
export function chainExistingAuditRows(db: SqlDatabase): void {
  const update = db.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?');
  let previous = GENESIS_HASH;
  const rows = db.prepare('SELECT * FROM audit ORDER BY seq').all();
  for (const row of rows) {
    const content = { ...auditContentOf(row), prevHash: previous };
    const hash = auditRowHash(content);
    update.run(previous, hash, content.seq);
    previous = hash;
  }
}
