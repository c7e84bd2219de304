/**
 * What the doctor's page may make the station write, per consultation: notes and report saves go
 * into the record, snapshot requests make the station capture and store a still, measurement
 * requests would start a device, chat lines are recorded too. The doctor's page is another trust
 * domain (a leaked link, a bug, a script): the review saw 400 notes add 7 MB.
 *
 * One definition for both guards: the station page counts them first (its control link, before any
 * handler runs), and the backend counts them again in the record itself, so a reload of the page
 * or a restart of the station starts no fresh budget. Past a limit a write is refused with
 * `limit-reached` and nothing is written.
 */
export interface DoctorWriteLimits {
  readonly notes: number;
  /** Characters of note text, all notes together. */
  readonly noteChars: number;
  readonly reports: number;
  readonly snapshotRequests: number;
  readonly measureRequests: number;
  readonly chatLines: number;
}

/** Far above a real consultation (a few notes, one report, a dozen snapshots), far below harm. */
export const DEFAULT_DOCTOR_WRITE_LIMITS: DoctorWriteLimits = {
  notes: 100,
  noteChars: 256 * 1024,
  reports: 50,
  snapshotRequests: 60,
  measureRequests: 60,
  chatLines: 500,
};

/** The writes counted one by one (note characters are counted with the notes). */
export const DOCTOR_WRITE_KINDS = [
  'notes',
  'reports',
  'snapshotRequests',
  'measureRequests',
  'chatLines',
] as const;
export type DoctorWriteKind = (typeof DOCTOR_WRITE_KINDS)[number];

/** The requests the station asks its backend to count before acting on them. */
export const DOCTOR_REQUESTS = ['snapshot', 'measure'] as const;
export type DoctorRequest = (typeof DOCTOR_REQUESTS)[number];

export const LIMIT_REACHED = 'limit-reached';
