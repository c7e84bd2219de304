import { checkItem, type CheckItem } from '../../shared/domain/equipment-check';
import type { AuditChainCheck } from '../records/audit/audit-chain';
import type { RecordsIntegrity } from '../records/records-integrity';

/**
 * The records' item of the equipment check: the audit log's hash chain, walked again now. A break
 * fails the item with its first bad row (the station keeps working: the record is still readable,
 * but whoever looks after the station must find out who edited the database file).
 */
export function auditChainItem(chain: AuditChainCheck | null): CheckItem {
  const base = { id: 'records.audit-chain', category: 'runtime' as const, title: 'Audit log integrity' };
  if (chain === null)
    return checkItem({
      ...base,
      status: 'skipped',
      code: 'no-records',
      detail: 'Consultation records are not open on this host.',
    });
  if (chain.ok)
    return checkItem({
      ...base,
      status: 'pass',
      code: 'intact',
      detail: `${chain.rows} audit rows, hash chain intact.`,
      measured: { rows: chain.rows },
    });
  return checkItem({
    ...base,
    status: 'fail',
    code: chain.code,
    detail: `The audit log's hash chain breaks at row ${chain.firstBadSeq} (${chain.reason}): a row was edited, removed or added outside the station.`,
    fix: 'Keep the database file as it is (it is evidence), note the row number, and report it to whoever is responsible for the station and its data.',
    measured: { rows: chain.rows, firstBadSeq: chain.firstBadSeq, reason: chain.reason },
  });
}

/** A measured value holds 200 characters: five 32-digit ids, then an ellipsis; the count has the rest. */
const LISTED_IDS = 5;

function firstIds(ids: readonly string[]): string {
  return [...ids.slice(0, LISTED_IDS), ...(ids.length > LISTED_IDS ? ['…'] : [])].join(', ');
}

/**
 * The records' pages, checked in full now (PRAGMA integrity_check). A damage fails the item with
 * the consultations that can no longer be read (measured `damagedCount`, and `damagedRecords`: the
 * first ids); the others, and new consultations, still work.
 */
export function integrityItem(integrity: RecordsIntegrity | null): CheckItem {
  const base = { id: 'records.integrity', category: 'runtime' as const, title: 'Records database integrity' };
  if (integrity === null)
    return checkItem({
      ...base,
      status: 'skipped',
      code: 'no-records',
      detail: 'Consultation records are not open on this host.',
    });
  if (integrity.ok)
    return checkItem({
      ...base,
      status: 'pass',
      code: 'intact',
      detail: 'Every page of the records database reads back intact.',
    });
  const ids = integrity.damagedRecords;
  return checkItem({
    ...base,
    status: 'fail',
    code: 'damaged',
    detail:
      ids.length === 0
        ? 'The records database has damaged pages; every consultation still reads back.'
        : `The records database has damaged pages: ${ids.length} consultation(s) cannot be read (${firstIds(ids)}).`,
    fix: 'Keep a copy of the data folder as it is, restore the records database from its latest backup, and report it to whoever looks after the station (a failing disk?).',
    measured: { damagedCount: ids.length, damagedRecords: firstIds(ids) },
  });
}
