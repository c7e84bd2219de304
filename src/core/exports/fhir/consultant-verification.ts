import type { ConsultationDetail } from '../../../shared/domain/consultation';
import { reportMessages } from '../report/report-messages';
import { consultantSigner } from '../signer-verification';
import type { BundleWriter } from './bundle-writer';
import {
  COMMUNICATION_METHOD_SYSTEM,
  PRIMARY_SOURCE_TYPE_SYSTEM,
  URI_IDENTIFIER_SYSTEM,
  VALIDATION_PROCESS_SYSTEM,
  VALIDATION_STATUS_SYSTEM,
  VALIDATION_TYPE_SYSTEM,
} from './codes';
import { CONSULTANT_KEY } from './participants';
import type { FhirObject } from './types';

export const CONSULTANT_VERIFICATION_KEY = 'verification/consultant';
export const PSC_ORGANIZATION_KEY = 'organization/pro-sante-connect';

/**
 * Whether the consultant Practitioner's identity (its RPPS and name) was verified, as an R4
 * VerificationResult on it (README.md, "The doctor's identity"): FR Core 2.2.0 profiles nothing
 * for this, and R4 made VerificationResult for "validation requirements, source(s), status and
 * dates for one or more elements".
 *
 * - Verified (signer-verification.ts: the record proves the signer signed in with Pro Santé
 *   Connect): status `validated`, validation type `primary`, the provider (an Organization named
 *   by its OpenID issuer) as primary source (`auth-source`, pulled, `successful`, at the doctor's
 *   sign-in) and validator, `statusDate` when the record took it.
 * - Otherwise: status `attested` (the name and RPPS are only as typed on the doctor's page),
 *   validation type `nothing`.
 *
 * The words ("identity verified by Pro Santé Connect" / "doctor's identity not verified") are the
 * report catalogue's, in the export's language.
 */
export function addConsultantVerification(
  writer: BundleWriter,
  detail: ConsultationDetail,
  language: 'en' | 'fr',
): void {
  const t = reportMessages[language];
  const signer = consultantSigner(detail);
  const target = {
    target: [writer.ids.reference(CONSULTANT_KEY)],
    targetLocation: ['Practitioner.identifier', 'Practitioner.name'],
  };
  if (!signer.verified) {
    writer.add(CONSULTANT_VERIFICATION_KEY, {
      resourceType: 'VerificationResult',
      ...target,
      status: 'attested',
      validationType: {
        coding: [coding(VALIDATION_TYPE_SYSTEM, 'nothing', 'Nothing')],
        text: t.identityNotVerified,
      },
    });
    return;
  }
  const { identity } = signer;
  writer.add(PSC_ORGANIZATION_KEY, {
    resourceType: 'Organization',
    identifier: [{ system: URI_IDENTIFIER_SYSTEM, value: identity.issuer }],
    name: 'Pro Santé Connect',
  });
  const provider = writer.ids.reference(PSC_ORGANIZATION_KEY);
  writer.add(CONSULTANT_VERIFICATION_KEY, {
    resourceType: 'VerificationResult',
    ...target,
    status: 'validated',
    statusDate: signer.recordedAt,
    validationType: {
      coding: [coding(VALIDATION_TYPE_SYSTEM, 'primary', 'Primary Source')],
      text: t.identityVerified,
    },
    validationProcess: [
      {
        coding: [coding(VALIDATION_PROCESS_SYSTEM, 'primary', 'primary source')],
        // The method and the assurance level, as codes (consultant-identity.ts).
        text: `${identity.method} acr=${identity.acr}`,
      },
    ],
    lastPerformed: identity.at,
    primarySource: [
      {
        who: provider,
        type: [{ coding: [coding(PRIMARY_SOURCE_TYPE_SYSTEM, 'auth-source', 'Authoritative source')] }],
        communicationMethod: [{ coding: [coding(COMMUNICATION_METHOD_SYSTEM, 'pull', 'Pull')] }],
        validationStatus: { coding: [coding(VALIDATION_STATUS_SYSTEM, 'successful', 'Successful')] },
        validationDate: identity.at,
      },
    ],
    validator: [{ organization: provider }],
  });
}

function coding(system: string, code: string, display: string): FhirObject {
  return { system, code, display };
}
