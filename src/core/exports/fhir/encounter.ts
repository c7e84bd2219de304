import type { ConsultationDetail, ConsultationStatus } from '../../../shared/domain/consultation';
import type { BundleWriter } from './bundle-writer';
import { V3_ACT_CODE_SYSTEM, V3_PARTICIPATION_TYPE_SYSTEM } from './codes';
import { ACCOMPANYING_ROLE_KEY, CONSULTANT_KEY, PATIENT_KEY } from './participants';
import type { FhirObject } from './types';

export const ENCOUNTER_KEY = 'encounter';

/**
 * Record status → Encounter.status. An interrupted record (the station stopped mid-consultation)
 * says nothing about whether the act was completed, hence `unknown` rather than `finished`.
 */
const STATUS: Readonly<Record<ConsultationStatus, string>> = {
  active: 'in-progress',
  ended: 'finished',
  interrupted: 'unknown',
};

/** The teleconsultation itself: a virtual encounter with its period and participants. */
export function addEncounter(writer: BundleWriter, detail: ConsultationDetail): void {
  const { summary } = detail;
  const participants: FhirObject[] = [];
  if (writer.has(CONSULTANT_KEY)) {
    participants.push({
      type: [participationType('PPRF', 'primary performer')],
      individual: writer.ids.reference(CONSULTANT_KEY),
    });
  }
  if (writer.has(ACCOMPANYING_ROLE_KEY)) {
    // SPRF: "a person assisting in an act through his substantial presence" — the nurse or
    // pharmacist beside the patient (téléconsultation assistée).
    participants.push({
      type: [participationType('SPRF', 'secondary performer')],
      individual: writer.ids.reference(ACCOMPANYING_ROLE_KEY),
    });
  }
  writer.add(ENCOUNTER_KEY, {
    resourceType: 'Encounter',
    status: STATUS[summary.status],
    class: { system: V3_ACT_CODE_SYSTEM, code: 'VR', display: 'virtual' },
    subject: writer.ids.reference(PATIENT_KEY),
    ...(participants.length > 0 ? { participant: participants } : {}),
    period: { start: summary.startedAt, ...(summary.endedAt === null ? {} : { end: summary.endedAt }) },
    ...(summary.motive === undefined || summary.motive === ''
      ? {}
      : { reasonCode: [{ text: summary.motive }] }),
  });
}

function participationType(code: string, display: string): FhirObject {
  return { coding: [{ system: V3_PARTICIPATION_TYPE_SYSTEM, code, display }] };
}
