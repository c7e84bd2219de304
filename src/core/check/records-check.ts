import { checkItem, type CheckItem } from '../../shared/domain/equipment-check';
import type { AuditChainCheck } from '../records/audit/audit-chain';

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
