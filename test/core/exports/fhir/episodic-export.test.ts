import type { RecordedNumeric } from '../../../../src/core/exports/export-source';
import { BP, fixtureConsultation } from '../../../helpers/consultation-fixture';
import { at, codings, exportOf, resources, variant } from './bundle-helpers';
import { validateFhir } from './fhir-validator';

/**
 * Episodic metrics (issue 11): one Observation per measurement at its device time, whatever the
 * record holds; continuous ones keep the minute rule. Which is which comes from the metric table.
 */

const base = fixtureConsultation({ minutes: 3 });
const MONITOR = 'philips-intellivue-mib@/dev/ttyUSB1';
const THERMOMETER = 'ble-temperature@Thermo';

function byMdc(result: ReturnType<typeof exportOf>, code: string) {
  return resources(result, 'Observation').filter((o) => codings(o, 'code').some((c) => c.code === code));
}

function cuff(
  time: string,
  systolic: number,
  diastolic: number,
  confirmation?: RecordedNumeric['confirmation'],
) {
  const extra = confirmation === undefined ? {} : { confirmation };
  return [
    { device: BP, metric: 'MDC_PRESS_BLD_NONINV_SYS', unit: 'mm[Hg]', value: systolic, time, ...extra },
    { device: BP, metric: 'MDC_PRESS_BLD_NONINV_DIA', unit: 'mm[Hg]', value: diastolic, time, ...extra },
    { device: BP, metric: 'MDC_PRESS_BLD_NONINV_MEAN', unit: 'mm[Hg]', value: 90, time, ...extra },
    { device: BP, metric: 'MDC_PULS_RATE_NON_INV', unit: '/min', value: 70, time, ...extra },
  ];
}

function withNumerics(extra: RecordedNumeric[]) {
  return exportOf(
    variant(base, {
      numerics: (n) =>
        [...n.filter((r) => r.device !== BP), ...extra].sort((a, b) => a.time.localeCompare(b.time)),
    }),
  );
}

describe('episodic measurements in the FHIR export', () => {
  test('one bp panel per cuff measurement, at the cuff time, even when the record repeats one', () => {
    const out = withNumerics([
      ...cuff('2026-11-25T09:30:10.000Z', 111, 73),
      // An older record held the same result once per poll: the same device time, so one measurement.
      ...cuff('2026-11-25T09:30:10.000Z', 111, 73),
      ...cuff('2026-11-25T09:30:10.000Z', 111, 73),
      ...cuff('2026-11-25T09:32:40.000Z', 124, 80),
    ]);
    const panels = byMdc(out, '150020');
    expect(panels.map((p) => at(p, 'effectiveDateTime'))).toEqual([
      '2026-11-25T09:30:10.000Z',
      '2026-11-25T09:32:40.000Z',
    ]);
    for (const panel of panels) {
      expect(at(panel, 'note')).toBeUndefined();
      expect(
        validateFhir({ ...panel, meta: { profile: ['http://hl7.org/fhir/StructureDefinition/vitalsigns'] } }),
      ).toEqual([]);
    }
  });

  test("a thermometer's spot readings: one Observation per measurement, never sampled per minute", () => {
    const spot = (time: string, value: number): RecordedNumeric => ({
      device: THERMOMETER,
      metric: 'MDC_TEMP_BODY',
      unit: 'Cel',
      value,
      time,
    });
    const out = withNumerics([
      spot('2026-11-25T09:30:20.000Z', 37.2),
      spot('2026-11-25T09:30:20.000Z', 37.2),
      spot('2026-11-25T09:30:50.000Z', 37.4),
    ]);
    const temps = byMdc(out, '150364');
    expect(temps.map((o) => [at(o, 'effectiveDateTime'), at(o, 'valueQuantity', 'value')])).toEqual([
      ['2026-11-25T09:30:20.000Z', 37.2],
      ['2026-11-25T09:30:50.000Z', 37.4],
    ]);
  });

  test("a monitor's temperature probe (MDC_TEMP) follows the continuous rule, not one Observation a second", () => {
    const probe: RecordedNumeric[] = Array.from({ length: 180 }, (_, s) => ({
      device: MONITOR,
      metric: 'MDC_TEMP',
      unit: 'Cel',
      value: s === 100 ? 38.1 : 37,
      time: new Date(Date.parse('2026-11-25T09:30:00.000Z') + s * 1000).toISOString(),
    }));
    const temps = byMdc(withNumerics(probe), '150344');
    // Three minutes (the last valid of each) plus the highest of the consultation; the lowest
    // (37.0, first at 09:30:00) is not a minute's last reading, so it is exported too.
    expect(temps).toHaveLength(5);
    expect(temps.map((o) => at(o, 'note', 0, 'text'))).toContain('Highest reading of the consultation');
    expect(temps.map((o) => at(o, 'valueQuantity', 'value'))).toContain(38.1);
  });

  test('a measurement from before the consultation, confirmed: its true time and a note naming who confirmed', () => {
    const confirmation = { by: 'Léa Garnier', at: '2026-11-25T09:31:05.000Z' };
    const out = withNumerics([
      ...cuff('2026-11-22T08:39:00.000Z', 131, 85, confirmation),
      ...cuff('2026-11-25T09:31:30.000Z', 118, 76),
    ]);
    const panels = byMdc(out, '150020');
    expect(panels.map((p) => at(p, 'effectiveDateTime'))).toEqual([
      '2026-11-22T08:39:00.000Z',
      '2026-11-25T09:31:30.000Z',
    ]);
    expect(at(panels[0], 'note', 0, 'text')).toBe(
      'Measured before the consultation (2026-11-22T08:39:00.000Z); confirmed for this patient by ' +
        'Léa Garnier at 2026-11-25T09:31:05.000Z',
    );
    expect(at(panels[1], 'note')).toBeUndefined();
  });

  test("a cuff's pulse without a pressure at its time is a heart-rate Observation of its own", () => {
    const out = withNumerics([
      {
        device: BP,
        metric: 'MDC_PULS_RATE_NON_INV',
        unit: '/min',
        value: 66,
        time: '2026-11-25T09:31:00.000Z',
      },
    ]);
    expect(byMdc(out, '150020')).toHaveLength(0);
    const pulse = byMdc(out, '149546');
    expect(pulse).toHaveLength(1);
    expect(at(pulse[0], 'valueQuantity', 'value')).toBe(66);
  });
});
