import {
  LIMIT_REACHED,
  type DoctorWriteKind,
  type DoctorWriteLimits,
} from '../../shared/domain/doctor-writes';
import { AppErrorException } from '../../shared/result';
import type { SqlDatabase } from './database/sql-database';

/** One doctor's write about to be made: what it is, and how many note characters it adds. */
export interface DoctorWrite {
  readonly kind: DoctorWriteKind;
  readonly chars?: number;
}

/**
 * The doctor's writes of a consultation, counted in the record itself (`doctor_writes`), so the
 * count outlives a reload of the station page and a restart of the station. `refusal` reads the
 * count before the write; `add` counts it inside the write's own transaction, so a write is counted
 * exactly when it is kept.
 */
export function doctorWriteRefusal(
  db: SqlDatabase,
  id: string,
  write: DoctorWrite,
  limits: DoctorWriteLimits,
): string | null {
  const row = db
    .prepare('SELECT count, chars FROM doctor_writes WHERE consultation = ? AND kind = ?')
    .get(id, write.kind);
  const count = Number(row?.count ?? 0);
  if (count >= limits[write.kind]) return `${write.kind} ${limits[write.kind]}`;
  const chars = Number(row?.chars ?? 0) + (write.chars ?? 0);
  if (write.kind === 'notes' && chars > limits.noteChars) return `noteChars ${limits.noteChars}`;
  return null;
}

export function addDoctorWrite(db: SqlDatabase, id: string, write: DoctorWrite): void {
  db.prepare(
    `INSERT INTO doctor_writes (consultation, kind, count, chars) VALUES (?, ?, 1, ?)
     ON CONFLICT (consultation, kind) DO UPDATE SET count = count + 1, chars = chars + excluded.chars`,
  ).run(id, write.kind, write.chars ?? 0);
}

/** The refusal as the API answers it: `forbidden`, the code first, then the limit that was reached. */
export function limitReachedError(id: string, limit: string): AppErrorException {
  return new AppErrorException(
    'forbidden',
    `${LIMIT_REACHED}: consultation ${id}: the doctor's writes per consultation are limited (${limit})`,
  );
}
