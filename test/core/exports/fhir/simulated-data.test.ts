import { BP, ECG, fixtureConsultation, OXIMETER } from '../../../helpers/consultation-fixture';
import { withSimulatedDevice } from '../../../helpers/simulated-fixture';
import { at, exportOf, resources, variant } from './bundle-helpers';
import { validateFhir, type ValidationIssue } from './fhir-validator';

/**
 * Simulated stays simulated (issue 11): the Device of a simulator says so, and every resource made
 * from its data carries the HL7 v3 ActReason HTEST ("test health data") security label; nothing
 * else does, and the bundle still validates.
 */

const HTEST = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST' };

const labelled = (resource: object): boolean =>
  ((at(resource, 'meta', 'security') as { system: string; code: string }[] | undefined) ?? []).some(
    (coding) => coding.system === HTEST.system && coding.code === HTEST.code,
  );
const deviceOf = (resource: object): unknown => at(resource, 'device', 'reference');

describe('FHIR export of a consultation with a simulated oximeter', () => {
  const base = fixtureConsultation({ minutes: 3 });
  const simulated = exportOf(variant(base, { detail: (d) => withSimulatedDevice(d, OXIMETER) }));
  const real = exportOf(base);
  const all = resources(simulated);
  const devices = resources(simulated, 'Device');
  const oximeter = devices.find((d) => at(d, 'identifier', 0, 'value') === OXIMETER)!;
  const oximeterRef = simulated.bundle.entry.find((e) => e.resource === oximeter)!.fullUrl;

  test('the simulator’s Device is labelled, says SIMULATED in a note and has a simulated property', () => {
    expect(labelled(oximeter)).toBe(true);
    expect(at(oximeter, 'note', 0, 'text')).toMatch(/^SIMULATED/);
    expect(at(oximeter, 'property')).toContainEqual({
      type: { text: 'Teleconsult Station simulated device' },
      valueCode: [{ text: 'simulated' }],
    });
    for (const other of devices.filter((d) => d !== oximeter)) {
      expect(labelled(other)).toBe(false);
      expect(other).not.toHaveProperty('note');
    }
  });

  test('every Observation from the simulator is labelled, numerics and waveforms, and only those', () => {
    const observations = resources(simulated, 'Observation');
    const fromSimulator = observations.filter((o) => deviceOf(o) === oximeterRef);
    // SpO2 and pulse per minute, their extremes, and the pleth chunks.
    expect(fromSimulator.length).toBeGreaterThan(6);
    expect(fromSimulator.some((o) => at(o, 'valueSampledData') !== undefined)).toBe(true);
    for (const observation of fromSimulator) expect(labelled(observation)).toBe(true);
    const others = observations.filter((o) => deviceOf(o) !== oximeterRef);
    expect(others.length).toBeGreaterThan(0); // ECG strips and the BP panel
    for (const observation of others) expect(labelled(observation)).toBe(false);
    // Profiles are kept beside the label.
    const spo2 = fromSimulator.find((o) => at(o, 'meta', 'profile', 0) !== undefined)!;
    expect(at(spo2, 'meta', 'profile')).toEqual(['http://hl7.org/fhir/StructureDefinition/oxygensat']);
  });

  test('the report document (which prints the simulator’s readings) is labelled; the people are not', () => {
    expect(labelled(resources(simulated, 'DocumentReference')[0])).toBe(true);
    for (const type of ['Patient', 'Practitioner', 'Encounter', 'Consent', 'Media', 'Provenance'])
      for (const resource of resources(simulated, type)) expect(labelled(resource)).toBe(false);
    expect(labelled(simulated.bundle)).toBe(false);
  });

  test('a record without a simulator has no label anywhere', () => {
    expect(JSON.stringify(real.bundle)).not.toContain('HTEST');
    expect(JSON.stringify(real.bundle)).not.toContain('SIMULATED');
  });

  test('the labelled bundle still passes the R4 validator, resource by resource and as a whole', () => {
    const isKnownBpSlicingIssue = (issue: ValidationIssue): boolean =>
      /slice '(SystolicBP|DiastolicBP)': expected 1\.\.1, but found 0/.test(issue.message);
    const issues = all.flatMap((resource) => validateFhir(resource)).filter((i) => !isKnownBpSlicingIssue(i));
    expect(issues).toEqual([]);
    expect(validateFhir(simulated.bundle)).toEqual([]);
    expect(simulated.warnings).toEqual([]);
  });

  test('a simulated cuff labels its blood-pressure panel', () => {
    const cuff = exportOf(variant(base, { detail: (d) => withSimulatedDevice(d, BP) }));
    const panel = resources(cuff, 'Observation').find((o) => at(o, 'code', 'text') === 'Blood pressure')!;
    expect(labelled(panel)).toBe(true);
    const ecg = resources(cuff, 'Device').find((d) => at(d, 'identifier', 0, 'value') === ECG)!;
    expect(labelled(ecg)).toBe(false);
  });
});
