import type { VerifiedConsultant } from '../../src/shared/domain/consultant-identity';
import type {
  CareSheet,
  ConsultationDetail,
  RecordVersion,
  Report,
} from '../../src/shared/domain/consultation';
import { FIXTURE_CARE_SHEET, FIXTURE_REPORT } from './consultation-fixture';

/** The fixture's doctor as Pro Santé Connect would give them (RPPS of the fixture's report). */
export const PSC_IDENTITY: VerifiedConsultant = {
  verified: true,
  method: 'pro-sante-connect',
  rpps: '10101010101',
  familyName: 'MARTIN',
  givenName: 'Camille',
  issuer: 'https://auth.esante.gouv.fr/auth/realms/esante-wallet',
  acr: 'eidas1',
  at: '2026-11-25T09:29:00.000Z',
};
/** The author the station takes once that identity is on the record: given name, family name, RPPS. */
export const SIGNED_AUTHOR = { name: 'Camille MARTIN', rpps: '10101010101' } as const;
export const RECORDED_AT = '2026-11-25T09:31:00.000Z';

export interface SignedRecordOptions {
  /** The identity on the record; null: none (no issuer configured). Default PSC_IDENTITY. */
  readonly identity?: VerifiedConsultant | null;
  /**
   * The first report / care-sheet versions saved after the record took the identity; null: an
   * identity recorded before the record kept that (schema 7 as first shipped). Default 1 and 1.
   */
  readonly recorded?: { readonly reportFrom: number; readonly careSheetFrom: number } | null;
  /** The author of each report version, oldest first; [] for no report. Default [SIGNED_AUTHOR]. */
  readonly reportAuthors?: readonly Report['author'][];
  /** The doctor of each care-sheet version, oldest first; [] for none. Default [SIGNED_AUTHOR]. */
  readonly careSheetDoctors?: readonly CareSheet['doctor'][];
  /** Leave the versions out (a record made by hand). */
  readonly withoutVersions?: boolean;
}

/**
 * A record as the store would hold it for a doctor who did, or did not, sign in with Pro Santé
 * Connect: the identity with when it was recorded, and the report and care-sheet versions.
 */
export function signedRecord(
  detail: ConsultationDetail,
  options: SignedRecordOptions = {},
): ConsultationDetail {
  const identity = options.identity === undefined ? PSC_IDENTITY : options.identity;
  const recorded = options.recorded === undefined ? { reportFrom: 1, careSheetFrom: 1 } : options.recorded;
  const authors = options.reportAuthors ?? [SIGNED_AUTHOR];
  const doctors = options.careSheetDoctors ?? [SIGNED_AUTHOR];
  const savedAt = (i: number): string => new Date(Date.parse(RECORDED_AT) + (i + 1) * 60_000).toISOString();
  const versions: RecordVersion[] = [
    ...authors.map((author, i): RecordVersion => ({
      kind: 'report',
      version: i + 1,
      savedAt: savedAt(i),
      savedBy: 'consultant:invite0123456789abcd',
      report: { ...FIXTURE_REPORT, author },
    })),
    ...doctors.map((doctor, i): RecordVersion => ({
      kind: 'care-sheet',
      version: i + 1,
      savedAt: savedAt(i),
      savedBy: 'consultant:invite0123456789abcd',
      careSheet: { ...FIXTURE_CARE_SHEET, doctor },
    })),
  ];
  const lastAuthor = authors.at(-1);
  const lastDoctor = doctors.at(-1);
  return {
    ...detail,
    summary: {
      ...detail.summary,
      ...(identity === null
        ? {}
        : {
            consultant: {
              ...identity,
              ...(recorded === null ? {} : { recorded: { at: RECORDED_AT, ...recorded } }),
            },
          }),
    },
    report: lastAuthor === undefined ? null : { ...FIXTURE_REPORT, author: lastAuthor },
    careSheet: lastDoctor === undefined ? null : { ...FIXTURE_CARE_SHEET, doctor: lastDoctor },
    ...(options.withoutVersions === true ? {} : { versions }),
  };
}
