import {
  authorNameOf,
  type RecordedVerifiedConsultant,
  type VerifiedConsultant,
} from '../../shared/domain/consultant-identity';
import type { ConsultationDetail, RecordVersion, RecordVersionKind } from '../../shared/domain/consultation';

/**
 * Whether an export may say the doctor who signed the report (or is named on the care sheet) was
 * verified by Pro Santé Connect (issue 16 item 4). Only what the record proves counts:
 *
 * - the record holds a verified identity with the moment it took it (`recorded`, schema 7 and the
 *   version numbers saved after it);
 * - the document's latest version was saved after that (its number is at least `reportFrom` /
 *   `careSheetFrom`): from then on the station refuses any other author (`author-not-verified`),
 *   so that version is provably the verified doctor's;
 * - and it names that doctor: the same name (given then family) and RPPS.
 *
 * Anything else — no sign-in configured, a report signed before the sign-in was known, another
 * author, a record without versions or made before `recorded` existed — is "not verified".
 */
export type SignerVerification =
  | {
      readonly verified: true;
      readonly identity: VerifiedConsultant;
      /** When the record took the verified identity (ISO, the station's clock). */
      readonly recordedAt: string;
    }
  | { readonly verified: false };

const NOT_VERIFIED: SignerVerification = { verified: false };

/** The report's author. */
export function reportSigner(detail: ConsultationDetail): SignerVerification {
  return signerOf(detail, 'report', (recorded) => recorded.reportFrom);
}

/** The care sheet's doctor. */
export function careSheetSigner(detail: ConsultationDetail): SignerVerification {
  return signerOf(detail, 'care-sheet', (recorded) => recorded.careSheetFrom);
}

/** The consultant as exports name them: the report's author, else the care sheet's doctor. */
export function consultantSigner(detail: ConsultationDetail): SignerVerification {
  return detail.report !== null ? reportSigner(detail) : careSheetSigner(detail);
}

function signerOf(
  detail: ConsultationDetail,
  kind: RecordVersionKind,
  firstVersion: (recorded: NonNullable<RecordedVerifiedConsultant['recorded']>) => number,
): SignerVerification {
  const consultant = detail.summary.consultant;
  if (consultant?.verified !== true || consultant.recorded === undefined) return NOT_VERIFIED;
  const latest = latestVersion(detail.versions ?? [], kind);
  if (latest === null || latest.version < firstVersion(consultant.recorded)) return NOT_VERIFIED;
  const { recorded, ...identity } = consultant;
  const named = (who: { name: string; rpps?: string | undefined } | undefined): boolean =>
    who !== undefined && who.name === authorNameOf(identity) && who.rpps === identity.rpps;
  // Both the version itself and the document the export prints (the latest) must name the doctor.
  const signed =
    latest.kind === 'report'
      ? named(latest.report.author) && named(detail.report?.author)
      : named(latest.careSheet.doctor) && named(detail.careSheet?.doctor);
  return signed ? { verified: true, identity, recordedAt: recorded.at } : NOT_VERIFIED;
}

function latestVersion(versions: readonly RecordVersion[], kind: RecordVersionKind): RecordVersion | null {
  let latest: RecordVersion | null = null;
  for (const version of versions)
    if (version.kind === kind && (latest === null || version.version > latest.version)) latest = version;
  return latest;
}
