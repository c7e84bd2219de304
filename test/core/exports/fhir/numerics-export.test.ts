import type { RecordedNumeric } from '../../../../src/core/exports/export-source';
import { BP, fixtureConsultation, OXIMETER } from '../../../helpers/consultation-fixture';
import { at, codings, exportOf, resources, variant } from './bundle-helpers';
import { validateFhir } from './fhir-validator';

/** How numeric readings become Observations: minute sampling, extremes, invalid values, BP. */

const base = fixtureConsultation({ minutes: 3 });

function byMdc(result: ReturnType<typeof exportOf>, code: string) {
  return resources(result, 'Observation').filter((o) => codings(o, 'code').some((c) => c.code === code));
}

describe('numeric readings', () => {
  const result = exportOf(base);
  const spo2 = [...base.numerics()].filter((n) => n.metric === 'MDC_PULS_OXIM_SAT_O2');

  test('streamed SpO2: the last valid reading of each minute, at its own time, plus the extremes', () => {
    const observations = byMdc(result, '150456');
    const times = observations.map((o) => at(o, 'effectiveDateTime'));
    const lastOfMinute = ['2026-11-25T09:30:59.000Z', '2026-11-25T09:31:59.000Z', '2026-11-25T09:32:59.000Z'];
    expect(times.slice(0, 3)).toEqual(lastOfMinute);
    for (const observation of observations) {
      const reading = spo2.find((n) => n.time === at(observation, 'effectiveDateTime'));
      expect(at(observation, 'valueQuantity', 'value')).toBe(reading?.value);
    }
    // The fixture's SpO2 cycles 96, 97, 98: min 96 (first at 09:30:06) and max 98 (09:30:05).
    const notes = observations.map((o) => at(o, 'note', 0, 'text'));
    expect(notes).toContain('Lowest reading of the consultation');
    expect(notes[0]).toBe('Last valid of 55 readings in this minute (min 96, max 98)');
    expect(observations.length).toBeLessThanOrEqual(3 + 2);
  });

  test('readings flagged invalid are excluded, counted, and never exported as numbers', () => {
    const pulse = byMdc(result, '149530');
    expect(pulse.map((o) => at(o, 'note', 0, 'text'))).toContain(
      'Last valid of 55 readings in this minute (min 70, max 76; 1 flagged invalid)',
    );
    for (const observation of pulse)
      expect(at(observation, 'valueQuantity', 'value')).toEqual(expect.any(Number));
  });

  test('a minute with only invalid readings gives one Observation with a data-absent reason', () => {
    const invalidMinute: RecordedNumeric[] = [0, 1, 2].map((s) => ({
      device: OXIMETER,
      metric: 'MDC_PULS_OXIM_SAT_O2',
      unit: '%',
      value: null,
      time: `2026-11-25T09:35:0${s}.000Z`,
    }));
    const out = exportOf(variant(base, { numerics: (n) => [...n, ...invalidMinute] }));
    const absent = byMdc(out, '150456').filter((o) => at(o, 'dataAbsentReason') !== undefined);
    expect(absent).toHaveLength(1);
    expect(at(absent[0], 'effectiveDateTime')).toBe('2026-11-25T09:35:02.000Z');
    expect(at(absent[0], 'valueQuantity')).toBeUndefined();
    expect(codings(absent[0], 'dataAbsentReason')).toEqual([expect.objectContaining({ code: 'error' })]);
    expect(validateFhir(absent[0])).toEqual([]);
  });

  test('every cuff result is one bp panel: systolic, diastolic, mean and the cuff pulse at its time', () => {
    const panels = byMdc(result, '150020');
    expect(panels).toHaveLength(1);
    const components = at(panels[0], 'component') as object[];
    const values = components.map((c) => [
      codings(c as never, 'code').at(-1)?.code,
      at(c, 'valueQuantity', 'value'),
    ]);
    expect(values).toEqual([
      ['150021', 128],
      ['150022', 82],
      ['150023', 97],
      ['149546', 74],
    ]);
    // The cuff's pulse is part of its measurement, not a heart-rate Observation of its own.
    expect(byMdc(result, '149546')).toHaveLength(0);
  });

  test('a cuff result without diastolic keeps the panel valid with an absent diastolic', () => {
    const out = exportOf(
      variant(base, {
        numerics: (n) => n.filter((r) => !(r.device === BP && r.metric === 'MDC_PRESS_BLD_NONINV_DIA')),
      }),
    );
    const panel = byMdc(out, '150020')[0];
    const components = at(panel, 'component') as object[];
    const diastolic = components.find((c) => codings(c as never, 'code').some((x) => x.code === '8462-4'));
    expect(at(diastolic, 'dataAbsentReason', 'coding', 0, 'code')).toBe('unknown');
    expect(
      validateFhir({ ...panel, meta: { profile: ['http://hl7.org/fhir/StructureDefinition/vitalsigns'] } }),
    ).toEqual([]);
  });

  test('a 30-minute stream of 1 Hz readings becomes ~30 Observations per metric, not 1 800', () => {
    const long = exportOf(fixtureConsultation({ minutes: 30, ecgLeads: [] }), null);
    expect(byMdc(long, '150456').length).toBeLessThanOrEqual(32);
  });
});
