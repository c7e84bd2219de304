import { METRICS, type MetricInfo } from '../../../../src/shared/domain/metrics';
import type { RecordedNumeric, WaveformSegment } from '../../../../src/core/exports/export-source';
import { fixtureConsultation } from '../../../helpers/consultation-fixture';
import { at, codings, exportOf, resources, variant } from './bundle-helpers';
import { validateFhir } from './fhir-validator';

/**
 * Codes and units in the bundle come from the metric table: every metric of METRICS, recorded once,
 * is exported under its LOINC codes, its MDC code and its UCUM unit, and passes the validator.
 */

const DEVICE = 'test-device@/dev/ttyTEST';
const T0 = Date.parse('2026-11-25T09:40:00.000Z');
const PROFILE_BY_LOINC: Record<string, string> = {
  '2708-6': 'oxygensat',
  '8867-4': 'heartrate',
  '8310-5': 'bodytemp',
  '9279-1': 'resprate',
};
const BP = new Set(['MDC_PRESS_BLD_NONINV_SYS', 'MDC_PRESS_BLD_NONINV_DIA', 'MDC_PRESS_BLD_NONINV_MEAN']);

const metrics: MetricInfo[] = Object.values(METRICS);
const numerics = metrics.filter((m) => m.kind === 'numeric');
const waveforms = metrics.filter((m) => m.kind === 'waveform');

function sampleValue(info: MetricInfo): number {
  const [low, high] = info.displayRange;
  return Math.round(((low + high) / 2) * 10) / 10;
}

// Each numeric metric once, at its own minute (BP components together, as one cuff result), and
// 2 s of every waveform metric.
const source = variant(fixtureConsultation({ minutes: 1 }), {
  numerics: () =>
    numerics.map((info, i): RecordedNumeric => ({
      device: DEVICE,
      metric: info.id,
      unit: info.unit,
      value: sampleValue(info),
      time: new Date(BP.has(info.id) ? T0 : T0 + (i + 1) * 60_000).toISOString(),
    })),
  segments: () =>
    waveforms.map((info): WaveformSegment => ({
      device: DEVICE,
      metric: info.id,
      unit: info.unit,
      rateHz: 250,
      startMs: T0,
      samples: Array.from({ length: 500 }, (_, i) =>
        info.unit === 'mV' ? Math.round(Math.sin(i / 9) * 1000) / 1000 : i % 200,
      ),
    })),
  detail: (detail) => ({
    ...detail,
    devices: [{ id: DEVICE, name: 'Test monitor', protocol: 'test' }],
    waveforms: waveforms.map((info) => ({
      device: DEVICE,
      metric: info.id,
      unit: info.unit,
      rateHz: 250,
      firstSampleAt: new Date(T0).toISOString(),
      lastSampleAt: new Date(T0 + 499 * 4).toISOString(),
      samples: 500,
    })),
  }),
});
const result = exportOf(source);
const observations = resources(result, 'Observation');

function mdcCode(info: MetricInfo) {
  return { system: 'urn:iso:std:iso:11073:10101', code: String(info.mdcCode), display: info.id };
}

describe('metric table → FHIR codes and units', () => {
  test('no metric of the table is skipped', () => {
    expect(result.warnings).toEqual([]);
  });

  test.each(numerics.filter((m) => !BP.has(m.id)).map((m) => [m.id, m] as const))('%s', (_id, info) => {
    const found = observations.filter((o) => codings(o, 'code').some((c) => c.code === String(info.mdcCode)));
    expect(found).toHaveLength(1);
    const observation = found[0];
    expect(codings(observation, 'code').map(({ system, code }) => ({ system, code }))).toEqual([
      ...info.loinc.map((code) => ({ system: 'http://loinc.org', code })),
      { system: 'urn:iso:std:iso:11073:10101', code: String(info.mdcCode) },
    ]);
    expect(codings(observation, 'code').at(-1)).toEqual(mdcCode(info));
    expect(at(observation, 'valueQuantity')).toEqual({
      value: sampleValue(info),
      unit: info.unit,
      system: 'http://unitsofmeasure.org',
      code: info.unit,
    });
    const profile = PROFILE_BY_LOINC[info.loinc[0] ?? ''];
    expect(at(observation, 'meta', 'profile')).toEqual(
      profile === undefined ? undefined : [`http://hl7.org/fhir/StructureDefinition/${profile}`],
    );
    expect(validateFhir(observation)).toEqual([]);
  });

  test('the BP components carry their LOINC and MDC codes and mm[Hg]', () => {
    const panel = observations.find((o) => codings(o, 'code').some((c) => c.code === '85354-9'));
    const components = at(panel, 'component') as unknown[];
    expect(components).toHaveLength(3);
    for (const id of BP) {
      const info = METRICS[id as keyof typeof METRICS];
      const component = components.find((c) =>
        codings(c as never, 'code').some((x) => x.code === String(info.mdcCode)),
      );
      expect(codings(component as never, 'code')).toEqual([
        expect.objectContaining({ system: 'http://loinc.org', code: info.loinc[0] }),
        mdcCode(info),
      ]);
      expect(at(component, 'valueQuantity', 'code')).toBe('mm[Hg]');
    }
  });

  test.each(waveforms.map((m) => [m.id, m] as const))('waveform %s', (_id, info) => {
    const withLead = observations.filter((o) => {
      const direct = codings(o, 'code').some((c) => c.code === String(info.mdcCode));
      const inComponent = ((at(o, 'component') as unknown[] | undefined) ?? []).some((c) =>
        codings(c as never, 'code').some((x) => x.code === String(info.mdcCode)),
      );
      return (direct && at(o, 'valueSampledData') !== undefined) || inComponent;
    });
    expect(withLead).toHaveLength(1);
    const json = JSON.stringify(withLead[0]);
    expect(json).toContain(`"code":"${info.mdcCode}","display":"${info.id}"`);
    expect(json).toContain(
      `"origin":{"value":0,"unit":"${info.unit}","system":"http://unitsofmeasure.org","code":"${info.unit}"}`,
    );
    expect(validateFhir(withLead[0])).toEqual([]);
  });

  test('ECG leads of one device share one Observation coded 131328, one component per lead', () => {
    const ecg = observations.filter(
      (o) => codings(o, 'code').some((c) => c.code === '131328') && at(o, 'component'),
    );
    expect(ecg).toHaveLength(1);
    const leads = waveforms.filter((m) => m.id.startsWith('MDC_ECG_ELEC_POTL_'));
    expect((at(ecg[0], 'component') as unknown[]).length).toBe(leads.length);
  });
});
