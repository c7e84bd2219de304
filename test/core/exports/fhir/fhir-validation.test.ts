import { fixtureConsultation } from '../../../helpers/consultation-fixture';
import { at, codings, exportOf, resources } from './bundle-helpers';
import { validateFhir, type ValidationIssue } from './fhir-validator';

/**
 * The exported bundle against the real validator (@medplum/core, FHIR R4 definitions): every
 * resource against its base definition and against the vital-signs profiles it claims.
 */

const BP_PROFILE = 'http://hl7.org/fhir/StructureDefinition/bp';

/**
 * The R4 `bp` profile discriminates components on `code.coding.code` with the fixed codes in nested
 * slices, which validators cannot match (HL7 validator GF#21472; medplum reports 0 SystolicBP even
 * for the spec's own example). Those two slice counts are checked by hand in the test below.
 */
function isKnownBpSlicingIssue(issue: ValidationIssue): boolean {
  return (
    issue.profile === BP_PROFILE &&
    /slice '(SystolicBP|DiastolicBP)': expected 1\.\.1, but found 0/.test(issue.message)
  );
}

describe('FHIR bundle validation', () => {
  const result = exportOf(fixtureConsultation({ minutes: 3 }));
  const all = resources(result);

  test('the bundle holds every kind of resource the issue asks for', () => {
    const types = new Set(all.map((r) => r.resourceType));
    for (const type of [
      'Patient',
      'Practitioner',
      'PractitionerRole',
      'Device',
      'Encounter',
      'Consent',
      'Observation',
      'Media',
      'DocumentReference',
      'VerificationResult',
    ]) {
      expect(types).toContain(type);
    }
    expect(result.bundle.type).toBe('collection');
    expect(result.warnings).toEqual([]);
  });

  test('every resource passes the R4 validator and the profiles it claims', () => {
    const issues = all.flatMap((resource) => validateFhir(resource)).filter((i) => !isKnownBpSlicingIssue(i));
    expect(issues).toEqual([]);
  });

  test('the validator is not vacuous: a broken vital sign is rejected', () => {
    const spo2 = resources(result, 'Observation').find((o) =>
      codings(o, 'code').some((c) => c.code === '2708-6'),
    );
    expect(spo2).toBeDefined();
    const withoutLoinc = {
      ...spo2!,
      code: { coding: codings(spo2!, 'code').filter((c) => c.code !== '2708-6') },
    };
    expect(
      validateFhir(withoutLoinc)
        .map((i) => i.message)
        .join('\n'),
    ).toMatch(/OxygenSatCode/);
    expect(validateFhir({ ...spo2!, status: 42 } as never)).not.toEqual([]);
  });

  test('the Bundle as a whole passes the validator', () => {
    expect(validateFhir(result.bundle)).toEqual([]);
  });

  test('vital signs claim their profile and also pass the generic vital-signs profile', () => {
    const vitals = resources(result, 'Observation').filter((o) => at(o, 'meta', 'profile') !== undefined);
    expect(vitals.length).toBeGreaterThan(0);
    for (const observation of vitals) {
      const generic = {
        ...observation,
        meta: { profile: ['http://hl7.org/fhir/StructureDefinition/vitalsigns'] },
      };
      expect(validateFhir(generic)).toEqual([]);
    }
  });

  test('the bp panel has the systolic and diastolic slices the profile requires', () => {
    const panels = resources(result, 'Observation').filter((o) =>
      codings(o, 'code').some((c) => c.code === '85354-9'),
    );
    expect(panels).toHaveLength(1);
    const components = at(panels[0], 'component') as unknown[];
    for (const loinc of ['8480-6', '8462-4']) {
      const matching = components.filter((c) =>
        codings(c as never, 'code').some(
          (coding) => coding.system === 'http://loinc.org' && coding.code === loinc,
        ),
      );
      expect(matching).toHaveLength(1);
      expect(at(matching[0], 'valueQuantity', 'code')).toBe('mm[Hg]');
      expect(at(matching[0], 'valueQuantity', 'system')).toBe('http://unitsofmeasure.org');
    }
  });

  test('every reference resolves to an entry of the bundle, of the type the element expects', () => {
    // medplum cannot check the target type of urn:uuid references (it only warns): checked here.
    const byUrl = new Map(result.bundle.entry.map((e) => [e.fullUrl, e.resource.resourceType]));
    expect(byUrl.size).toBe(result.bundle.entry.length);
    const expected: Record<string, string[]> = {
      subject: ['Patient'],
      patient: ['Patient'],
      encounter: ['Encounter'],
      device: ['Device'],
      performer: ['Patient'],
      author: ['Practitioner'],
      individual: ['Practitioner', 'PractitionerRole'],
      practitioner: ['Practitioner'],
      // Provenance targets; VerificationResult's target is the consultant (consultant-verification.ts).
      target: ['Consent', 'Encounter', 'Practitioner'],
      who: ['Practitioner', 'Device', 'Organization'],
      organization: ['Organization'],
    };
    const walk = (value: unknown, key: string): void => {
      if (Array.isArray(value)) {
        for (const item of value) walk(item, key);
        return;
      }
      if (value === null || typeof value !== 'object') return;
      const reference = (value as { reference?: unknown }).reference;
      if (typeof reference === 'string') {
        const type = byUrl.get(reference);
        expect(type === undefined ? `${key} → ${reference} is not in the bundle` : 'resolved').toBe(
          'resolved',
        );
        expect(expected[key] ?? [`unexpected reference element ${key}`]).toContain(type);
      }
      for (const [child, inner] of Object.entries(value)) walk(inner, child);
    };
    for (const resource of all) walk(resource, '');
  });
});
