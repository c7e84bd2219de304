import type { ConsultationDetail, Patient } from '../../../../src/shared/domain/consultation';
import { fixtureConsultation } from '../../../helpers/consultation-fixture';
import { at, exportOf, resources, variant } from './bundle-helpers';
import { validateFhir } from './fhir-validator';

/**
 * FR Core 2.2.0 as the Patient and Practitioner must follow it. No npm package ships the FR Core
 * structure definitions, so each rule is checked here, with the definition it comes from (read
 * from HL7 France's published FR Core 2.2.0 pages; see src/core/exports/fhir/README.md "FR Core").
 * The resources stay valid FHIR R4 for the real validator too.
 */

const FR = 'https://hl7.fr/ig/fhir/core';
const base = fixtureConsultation({ minutes: 1 });

function withPatient(patch: Partial<Patient>, detail?: (d: ConsultationDetail) => ConsultationDetail) {
  const source = variant(base, {
    detail: (d) => {
      const next = { ...d, summary: { ...d.summary, patient: { ...d.summary.patient, ...patch } } };
      return detail === undefined ? next : detail(next);
    },
  });
  const result = exportOf(source);
  const [patient] = resources(result, 'Patient');
  for (const resource of resources(result, 'Patient').concat(resources(result, 'Practitioner')))
    expect(validateFhir(resource)).toEqual([]);
  return { result, patient };
}

const reliability = (patient: unknown): { url: string; valueCoding?: unknown }[] =>
  (
    (at(patient, 'extension') as { url: string; extension?: { url: string }[] }[]).find(
      (e) => e.url === `${FR}/StructureDefinition/fr-core-identity-reliability`,
    )?.extension ?? []
  ).map((e) => e as { url: string; valueCoding?: unknown });

describe('FR Core Patient (FRCorePatientProfile, FRCorePatientINSProfile 2.2.0)', () => {
  test('a qualified identity carries its INS-NIR: use official, type INS-NIR, OID 1.2.250.1.213.1.4.8', () => {
    const { patient } = withPatient({});
    expect(at(patient, 'identifier', 0)).toEqual({
      use: 'official',
      type: { coding: [{ system: `${FR}/CodeSystem/fr-core-cs-v2-0203`, code: 'INS-NIR' }], text: 'INS' },
      system: 'urn:oid:1.2.250.1.213.1.4.8',
      value: '248037512345658',
    });
  });

  test('a provisional NIA (7 or 8) is an INS-NIA: use temp, OID 1.2.250.1.213.1.4.9 — never an INS-NIR', () => {
    const { patient } = withPatient({ ins: '790039935001743', birthPlace: '99350' });
    expect(at(patient, 'identifier', 0)).toMatchObject({
      use: 'temp',
      type: { coding: [{ code: 'INS-NIA' }] },
      system: 'urn:oid:1.2.250.1.213.1.4.9',
      value: '790039935001743',
    });
    expect(JSON.stringify(patient)).not.toContain('1.2.250.1.213.1.4.8');
  });

  test.each(['provisional', 'recovered', 'validated'] as const)(
    'a %s identity sends no INS, only its status (the INS is shared for a qualified identity only)',
    (identityStatus) => {
      const { patient } = withPatient({
        identityStatus,
        ...(identityStatus === 'recovered' ? { identityDocument: undefined } : {}),
        ...(identityStatus === 'validated' ? { insSource: undefined } : {}),
      });
      expect(JSON.stringify(patient)).not.toContain('248037512345658');
      expect(JSON.stringify(patient)).not.toContain('urn:oid:1.2.250.1.213.1.4.');
      // The health-insurance number stays, as a secondary SB identifier.
      expect(at(patient, 'identifier')).toEqual([
        expect.objectContaining({ use: 'secondary', value: '2480375123456' }),
      ]);
    },
  );

  test('an INS recorded before identity statuses (legacyIns) is never exported', () => {
    const { patient } = withPatient({
      identityStatus: 'provisional',
      ins: undefined,
      legacyIns: '2480375123456' + '9',
    });
    expect(JSON.stringify(patient)).not.toContain('24803751234569');
  });

  test.each([
    ['provisional', 'PROV'],
    ['recovered', 'RECUP'],
    ['validated', 'VALI'],
    ['qualified', 'QUAL'],
  ] as const)('the identity-reliability extension says %s as %s, in every case', (identityStatus, code) => {
    const { patient } = withPatient({ identityStatus });
    expect(reliability(patient)).toContainEqual({
      url: 'identityStatus',
      valueCoding: { system: `${FR}/CodeSystem/fr-core-cs-identity-status`, code },
    });
  });

  test('it also says the document checked (validationMode) and how the INS came (methodCollection)', () => {
    const { patient } = withPatient({});
    expect(reliability(patient)).toEqual([
      {
        url: 'methodCollection',
        valueCoding: { system: `${FR}/CodeSystem/fr-core-cs-method-collection`, code: 'INSI' },
      },
      {
        url: 'identityStatus',
        valueCoding: { system: `${FR}/CodeSystem/fr-core-cs-identity-status`, code: 'QUAL' },
      },
      {
        url: 'validationMode',
        valueCoding: { system: `${FR}/CodeSystem/fr-core-cs-mode-validation-identity`, code: 'CN' },
      },
    ]);
    const provisional = withPatient({
      identityStatus: 'provisional',
      identityDocument: undefined,
      insSource: undefined,
    });
    expect(reliability(provisional.patient).map((e) => e.url)).toEqual([
      'methodCollection',
      'identityStatus',
    ]);
    expect(reliability(provisional.patient)[0]?.valueCoding).toMatchObject({ code: 'SM' }); // typed by hand
  });

  test('the place of birth: patient-birthPlace with the INSEE code extension (TRE_R13-CommuneOM)', () => {
    const { patient } = withPatient({});
    expect((at(patient, 'extension') as unknown[])[0]).toEqual({
      url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
      valueAddress: {
        extension: [
          {
            url: `${FR}/StructureDefinition/fr-core-address-insee-code`,
            valueCoding: {
              system: 'https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM',
              code: '75056',
            },
          },
        ],
      },
    });
  });

  test('official name: the first birth given name, the list in birth-list-given-name; the used one as usual', () => {
    const { patient } = withPatient({
      birthGivenNames: ['Jeanne', 'Marie', 'Cécile'],
      usedGivenName: 'Marie',
    });
    expect(at(patient, 'name')).toEqual([
      {
        extension: [
          {
            url: `${FR}/StructureDefinition/fr-core-patient-birth-list-given-name`,
            valueString: 'Jeanne Marie Cécile',
          },
        ],
        use: 'official',
        family: 'Dupont-Lefèvre',
        given: ['Jeanne'],
      },
      { use: 'usual', given: ['Marie'] },
    ]);
  });
});

describe('FR Core Practitioner (FRCorePractitionerProfile 2.2.0)', () => {
  test('the RPPS with the current system https://rpps.esante.gouv.fr and type RPPS; no idNatPs built', () => {
    const { result } = withPatient({});
    const [consultant] = resources(result, 'Practitioner');
    expect(at(consultant, 'identifier')).toEqual([
      {
        use: 'official',
        type: { coding: [{ system: `${FR}/CodeSystem/fr-core-cs-v2-0203`, code: 'RPPS' }] },
        system: 'https://rpps.esante.gouv.fr',
        value: '10101010101',
      },
    ]);
    const text = JSON.stringify(resources(result, 'Practitioner'));
    expect(text).not.toContain('http://rpps.fr');
    expect(text).not.toContain('810101010101'); // "8" + RPPS: never built
    expect(text).not.toContain('1.2.250.1.71.4.2.1');
  });

  test('the national identifier (idNatPs) only when given, as given', () => {
    const { result } = withPatient({}, (d) => ({
      ...d,
      report:
        d.report === null ? null : { ...d.report, author: { ...d.report.author, idNatPs: '810101010101' } },
    }));
    const [consultant] = resources(result, 'Practitioner');
    expect(at(consultant, 'identifier', 0)).toEqual({
      use: 'official',
      type: { coding: [{ system: `${FR}/CodeSystem/fr-core-cs-v2-0203`, code: 'IDNPS' }] },
      system: 'urn:oid:1.2.250.1.71.4.2.1',
      value: '810101010101',
    });
  });
});
