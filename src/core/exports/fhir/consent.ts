import type { ConsultationDetail } from '../../../shared/domain/consultation';
import type { BundleWriter } from './bundle-writer';
import {
  CONSENT_ACTION_SYSTEM,
  CONSENT_SCOPE_SYSTEM,
  LOINC_DISPLAY,
  LOINC_SYSTEM,
  PROVENANCE_AGENT_TYPE_SYSTEM,
  V3_ACT_CODE_SYSTEM,
} from './codes';
import { ACCOMPANYING_KEY, PATIENT_KEY } from './participants';
import type { FhirObject } from './types';

export const CONSENT_KEY = 'consent';
export const CONSENT_PROVENANCE_KEY = 'provenance/consent';

/**
 * The patient's consent as asked on the station (HAS 2019: consent to the teleconsultation and to
 * the transmission of device data). One Consent, scope `treatment` (the act is what is consented
 * to), with one nested provision per question so a "no" to device data stays visible as a deny.
 * Consent has no "recorded by" element in R4: a Provenance on the Consent names who asked.
 */
export function addConsent(writer: BundleWriter, detail: ConsultationDetail): void {
  const { consent, accompanying } = detail.summary;
  writer.add(CONSENT_KEY, {
    resourceType: 'Consent',
    // No consent to the teleconsultation, no call: such a record should not exist, but if it does
    // the bundle must not claim an active consent.
    status: consent.teleconsultation ? 'active' : 'rejected',
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'treatment', display: 'Treatment' }] },
    category: [
      { coding: [{ system: LOINC_SYSTEM, code: '59284-0', display: LOINC_DISPLAY['59284-0'] ?? '' }] },
    ],
    patient: writer.ids.reference(PATIENT_KEY),
    dateTime: consent.recordedAt,
    performer: [writer.ids.reference(PATIENT_KEY)],
    policyRule: { coding: [{ system: V3_ACT_CODE_SYSTEM, code: 'OPTIN', display: 'opt-in' }] },
    provision: {
      period: { start: consent.recordedAt },
      provision: [
        {
          type: consent.teleconsultation ? 'permit' : 'deny',
          action: [action('use')],
          code: [{ text: 'Teleconsultation (remote consultation by video) — téléconsultation' }],
        },
        {
          type: consent.deviceData ? 'permit' : 'deny',
          action: [action('collect'), action('disclose')],
          code: [
            {
              text: 'Recording and transmission of medical-device data to the consultant — transmission des données des dispositifs',
            },
          ],
        },
      ],
    },
  });

  // The recorder is the accompanying professional when the names match; otherwise only their name.
  const recorderIsAccompanying =
    accompanying !== null && consent.recordedBy.toLowerCase().includes(accompanying.name.toLowerCase());
  writer.add(CONSENT_PROVENANCE_KEY, {
    resourceType: 'Provenance',
    target: [writer.ids.reference(CONSENT_KEY)],
    recorded: consent.recordedAt,
    agent: [
      {
        type: { coding: [{ system: PROVENANCE_AGENT_TYPE_SYSTEM, code: 'enterer', display: 'Enterer' }] },
        who: recorderIsAccompanying
          ? { ...writer.ids.reference(ACCOMPANYING_KEY), display: consent.recordedBy }
          : { display: consent.recordedBy },
      },
    ],
  });
}

function action(code: 'use' | 'collect' | 'disclose'): FhirObject {
  return { coding: [{ system: CONSENT_ACTION_SYSTEM, code }] };
}
