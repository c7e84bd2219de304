import { isValidIns } from '../../../shared/domain/ins';
import type { SqlDatabase } from './sql-database';

/**
 * Records schema 6 (issue 16): a patient recorded before identity statuses becomes a provisional
 * identity (nothing then said what was checked), their given names a list (split on spaces, as the
 * FHIR export already did), and an INS that today's checks refuse (no key, impossible structure)
 * moves to `legacyIns`, kept as typed and never exported as an INS. Nothing is dropped.
 */
export function migratePatientIdentity(db: SqlDatabase): void {
  const update = db.prepare('UPDATE consultations SET patient = ? WHERE id = ?');
  for (const row of db.prepare('SELECT id, patient FROM consultations').all()) {
    update.run(
      JSON.stringify(upgradePatient(JSON.parse(String(row.patient)) as LegacyPatient)),
      String(row.id),
    );
  }
}

interface LegacyPatient {
  readonly givenNames?: unknown;
  readonly ins?: unknown;
  readonly [key: string]: unknown;
}

/** The stored patient, as schema 6 reads it; one already upgraded is returned unchanged. */
export function upgradePatient(old: LegacyPatient): Record<string, unknown> {
  if (old.givenNames === undefined && 'identityStatus' in old) return { ...old };
  const { givenNames, ins, ...rest } = old;
  const names = (typeof givenNames === 'string' ? givenNames : '')
    .split(/\s+/)
    .filter((name) => name.length > 0);
  const insText = typeof ins === 'string' ? ins : undefined;
  return {
    ...rest,
    birthGivenNames: names.length > 0 ? names : ['?'],
    identityStatus: 'provisional',
    ...(insText === undefined ? {} : isValidIns(insText) ? { ins: insText } : { legacyIns: insText }),
  };
}
