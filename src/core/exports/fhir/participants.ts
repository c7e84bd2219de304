import type { Accompanying, ConsultationDetail, Patient } from '../../../shared/domain/consultation';
import type { BundleWriter } from './bundle-writer';
import {
  ADELI_SYSTEM,
  FR_CORE_IDENTIFIER_TYPE_SYSTEM,
  IDNAT_PS_SYSTEM,
  INS_NIR_SYSTEM,
  RPPS_SYSTEM,
  V2_IDENTIFIER_TYPE_SYSTEM,
} from './codes';
import type { FhirObject } from './types';

export const PATIENT_KEY = 'patient';
export const CONSULTANT_KEY = 'practitioner/consultant';
export const ACCOMPANYING_KEY = 'practitioner/accompanying';
export const ACCOMPANYING_ROLE_KEY = 'practitioner-role/accompanying';

/** The patient, the consultant (report author) and the accompanying professional with their role. */
export function addParticipants(writer: BundleWriter, detail: ConsultationDetail): void {
  writer.add(PATIENT_KEY, patientResource(detail.summary.patient));

  const consultant = consultantOf(detail);
  if (consultant === null) {
    writer.warn(
      'consultant',
      'no report author nor care-sheet doctor recorded: no Practitioner for the consultant',
    );
  } else {
    writer.add(CONSULTANT_KEY, practitionerResource(consultant.name, rppsIdentifiers(consultant.rpps)));
  }

  const accompanying = detail.summary.accompanying;
  if (accompanying !== null) {
    writer.add(
      ACCOMPANYING_KEY,
      practitionerResource(accompanying.name, professionalIdentifiers(accompanying.identifier)),
    );
    writer.add(ACCOMPANYING_ROLE_KEY, {
      resourceType: 'PractitionerRole',
      active: true,
      practitioner: writer.ids.reference(ACCOMPANYING_KEY),
      code: [{ text: ROLE_TEXT[accompanying.role] }],
    });
  }
}

/** The consultant as the report names them, with the care sheet's RPPS when the names agree. */
export function consultantOf(detail: ConsultationDetail): { name: string; rpps?: string } | null {
  const author = detail.report?.author;
  const doctor = detail.careSheet?.doctor;
  if (author === undefined) return doctor ?? null;
  const rpps = author.rpps ?? (doctor !== undefined && doctor.name === author.name ? doctor.rpps : undefined);
  return rpps === undefined ? { name: author.name } : { name: author.name, rpps };
}

// FHIR has no coded value set for these roles that we could verify; the text is what a reader needs.
const ROLE_TEXT: Readonly<Record<Accompanying['role'], string>> = {
  nurse: 'Nurse (infirmier·ère)',
  pharmacist: 'Pharmacist (pharmacien·ne)',
  physician: 'Physician (médecin)',
  midwife: 'Midwife (sage-femme)',
  other: 'Other health professional',
};

function patientResource(patient: Patient): FhirObject & { resourceType: string } {
  const identifiers: FhirObject[] = [];
  if (patient.ins !== undefined) {
    identifiers.push({
      use: 'official',
      type: { coding: [{ system: FR_CORE_IDENTIFIER_TYPE_SYSTEM, code: 'INS-NIR' }], text: 'INS' },
      system: INS_NIR_SYSTEM,
      value: patient.ins,
    });
  }
  if (patient.insuranceNumber !== undefined) {
    identifiers.push({
      use: 'secondary',
      type: {
        coding: [{ system: V2_IDENTIFIER_TYPE_SYSTEM, code: 'SB', display: 'Social Beneficiary Identifier' }],
        text: 'Health-insurance number',
      },
      value: patient.insuranceNumber,
    });
  }
  return {
    resourceType: 'Patient',
    ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
    name: [
      {
        use: 'official',
        family: patient.familyName,
        given: patient.givenNames.split(/\s+/).filter((given) => given.length > 0),
      },
    ],
    gender: patient.sex,
    birthDate: patient.birthDate,
  };
}

function practitionerResource(
  name: string,
  identifiers: readonly FhirObject[],
): FhirObject & { resourceType: string } {
  // Names are recorded as one free-text string ("Dr Camille Martin"): splitting it into family and
  // given names would be a guess, so HumanName.text carries it as typed.
  return {
    resourceType: 'Practitioner',
    ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
    name: [{ text: name }],
  };
}

function rppsIdentifiers(rpps: string | undefined): FhirObject[] {
  if (rpps === undefined) return [];
  return [idNatPs(`8${rpps}`), { use: 'official', type: frType('RPPS'), system: RPPS_SYSTEM, value: rpps }];
}

/** RPPS (11 digits) or ADELI (9 digits), as the accompanying professional gave it. */
function professionalIdentifiers(identifier: string | undefined): FhirObject[] {
  if (identifier === undefined) return [];
  if (identifier.length === 11) return rppsIdentifiers(identifier);
  return [
    idNatPs(`0${identifier}`),
    { use: 'official', type: frType('ADELI'), system: ADELI_SYSTEM, value: identifier },
  ];
}

function idNatPs(value: string): FhirObject {
  return { use: 'official', type: frType('IDNPS'), system: IDNAT_PS_SYSTEM, value };
}

function frType(code: string): FhirObject {
  return { coding: [{ system: FR_CORE_IDENTIFIER_TYPE_SYSTEM, code }] };
}
