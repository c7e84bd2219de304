import { checkIns } from '../../../shared/domain/ins';
import {
  givenNamesText,
  shareableIns,
  type Accompanying,
  type ConsultationDetail,
  type Patient,
} from '../../../shared/domain/consultation';
import { consultantSigner } from '../signer-verification';
import type { BundleWriter } from './bundle-writer';
import {
  BIRTH_LIST_GIVEN_NAME_EXTENSION,
  BIRTH_PLACE_EXTENSION,
  FR_CORE_IDENTIFIER_TYPE_SYSTEM,
  IDENTITY_DOCUMENT_SYSTEM,
  IDENTITY_METHOD_SYSTEM,
  IDENTITY_RELIABILITY_EXTENSION,
  IDENTITY_STATUS_SYSTEM,
  IDNAT_PS_SYSTEM,
  INS_NIA_SYSTEM,
  INS_NIR_SYSTEM,
  INSEE_CODE_EXTENSION,
  INSEE_COMMUNE_SYSTEM,
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
    // A doctor Pro Santé Connect verified also has their names apart, as the provider gave them.
    const signer = consultantSigner(detail);
    writer.add(
      CONSULTANT_KEY,
      practitionerResource(
        consultant.name,
        doctorIdentifiers(consultant),
        signer.verified
          ? { family: signer.identity.familyName, given: signer.identity.givenName }
          : undefined,
      ),
    );
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
export function consultantOf(
  detail: ConsultationDetail,
): { name: string; rpps?: string; idNatPs?: string } | null {
  const author = detail.report?.author;
  const doctor = detail.careSheet?.doctor;
  if (author === undefined) return doctor ?? null;
  const rpps = author.rpps ?? (doctor !== undefined && doctor.name === author.name ? doctor.rpps : undefined);
  return {
    name: author.name,
    ...(rpps === undefined ? {} : { rpps }),
    ...(author.idNatPs === undefined ? {} : { idNatPs: author.idNatPs }),
  };
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
  const ins = shareableIns(patient);
  if (ins !== undefined) identifiers.push(insIdentifier(ins));
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
  const [firstGiven = ''] = patient.birthGivenNames;
  const names: FhirObject[] = [
    {
      // FR Core INS: the official name's `given` is the first birth given name, the list goes in
      // the birth-list-given-name extension.
      extension: [{ url: BIRTH_LIST_GIVEN_NAME_EXTENSION, valueString: givenNamesText(patient) }],
      use: 'official',
      family: patient.familyName,
      given: [firstGiven],
    },
  ];
  if (patient.usedGivenName !== undefined && patient.usedGivenName !== firstGiven)
    names.push({ use: 'usual', given: [patient.usedGivenName] });
  return {
    resourceType: 'Patient',
    extension: [
      ...(patient.birthPlace === undefined ? [] : [birthPlaceExtension(patient.birthPlace)]),
      identityReliability(patient),
    ],
    ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
    name: names,
    gender: patient.sex,
    birthDate: patient.birthDate,
  };
}

/** NIR: use official, INS-NIR; provisional NIA (7/8): use temp, INS-NIA (FRCorePatientINSProfile). */
function insIdentifier(ins: string): FhirObject {
  const nia = checkIns(ins).ok && (ins.startsWith('7') || ins.startsWith('8'));
  const code = nia ? 'INS-NIA' : 'INS-NIR';
  return {
    use: nia ? 'temp' : 'official',
    type: { coding: [{ system: FR_CORE_IDENTIFIER_TYPE_SYSTEM, code }], text: 'INS' },
    system: nia ? INS_NIA_SYSTEM : INS_NIR_SYSTEM,
    value: ins,
  };
}

/**
 * The identity's reliability, in every case (FR Core fr-core-identity-reliability): the RNIV
 * status, the channel the traits or the INS came by (manual entry when no INS source was
 * recorded) and the document the operator checked.
 */
function identityReliability(patient: Patient): FhirObject {
  return {
    extension: [
      {
        url: 'methodCollection',
        valueCoding: { system: IDENTITY_METHOD_SYSTEM, code: patient.insSource ?? 'SM' },
      },
      {
        url: 'identityStatus',
        valueCoding: { system: IDENTITY_STATUS_SYSTEM, code: STATUS_CODE[patient.identityStatus] },
      },
      ...(patient.identityDocument === undefined
        ? []
        : [
            {
              url: 'validationMode',
              valueCoding: { system: IDENTITY_DOCUMENT_SYSTEM, code: patient.identityDocument },
            },
          ]),
    ],
    url: IDENTITY_RELIABILITY_EXTENSION,
  };
}

const STATUS_CODE: Readonly<Record<Patient['identityStatus'], string>> = {
  provisional: 'PROV',
  recovered: 'RECUP',
  validated: 'VALI',
  qualified: 'QUAL',
};

/**
 * Birth place as FR Core carries it: FHIR's patient-birthPlace Address with the INSEE code
 * extension. A French commune's code is from TRE_R13-CommuneOM; a country (99…) is sent without a
 * system, as we found no code system for it in FR Core's definitions.
 */
function birthPlaceExtension(code: string): FhirObject {
  const commune = !code.startsWith('99');
  return {
    url: BIRTH_PLACE_EXTENSION,
    valueAddress: {
      extension: [
        {
          url: INSEE_CODE_EXTENSION,
          valueCoding: { ...(commune ? { system: INSEE_COMMUNE_SYSTEM } : {}), code },
        },
      ],
    },
  };
}

function practitionerResource(
  name: string,
  identifiers: readonly FhirObject[],
  parts?: { readonly family: string; readonly given: string },
): FhirObject & { resourceType: string } {
  // Names are recorded as one free-text string ("Dr Camille Martin"): splitting it into family and
  // given names would be a guess, so HumanName.text carries it as typed; only a verified identity
  // gives the parts.
  return {
    resourceType: 'Practitioner',
    ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
    name: [{ text: name, ...(parts === undefined ? {} : { family: parts.family, given: [parts.given] }) }],
  };
}

/**
 * The RPPS with FR Core's current system, and the national identifier (idNatPs) only when one was
 * given: it is never built from the RPPS (FRCorePractitionerProfile).
 */
function doctorIdentifiers(doctor: { rpps?: string; idNatPs?: string }): FhirObject[] {
  return [
    ...(doctor.idNatPs === undefined
      ? []
      : [{ use: 'official', type: frType('IDNPS'), system: IDNAT_PS_SYSTEM, value: doctor.idNatPs }]),
    ...(doctor.rpps === undefined
      ? []
      : [{ use: 'official', type: frType('RPPS'), system: RPPS_SYSTEM, value: doctor.rpps }]),
  ];
}

/**
 * RPPS (11 digits) or ADELI (9 digits), as the accompanying professional gave it. FR Core 2.2.0
 * types an ADELI number (fr-core-cs-v2-0203#ADELI) but gives no system for it: sent with its type only.
 */
function professionalIdentifiers(identifier: string | undefined): FhirObject[] {
  if (identifier === undefined) return [];
  if (identifier.length === 11) return doctorIdentifiers({ rpps: identifier });
  return [{ use: 'official', type: frType('ADELI'), value: identifier }];
}

function frType(code: string): FhirObject {
  return { coding: [{ system: FR_CORE_IDENTIFIER_TYPE_SYSTEM, code }] };
}
