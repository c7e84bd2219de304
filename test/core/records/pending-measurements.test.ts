import { createBackend } from '../../../src/core/backend';
import type { Backend } from '../../../src/core/backend-types';
import { buildFhirBundle } from '../../../src/core/exports/fhir/build-bundle';
import { jsonFile, type ExportRegistry } from '../../../src/core/records/export-formats';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { MAX_PENDING_MEASUREMENTS, type ConsultationSummary } from '../../../src/shared/domain/consultation';
import type { NumericReading } from '../../../src/shared/domain/readings';
import { AppErrorException } from '../../../src/shared/result';
import { CONSULTATION_START, CONSULTATION_START_NO_DEVICE_DATA } from '../../helpers/consultation-start';
import { manualClock, openTestRecords, tempDir } from './records-test-kit';

/**
 * Measurements from before the consultation (issue 11 item 3), through createBackend and the real
 * encrypted store: a cuff's stored result older than the start is pending, never recorded, until
 * the nurse confirms it (recorded at its true time, with who and when) or dismisses it.
 */

const CUFF = 'ble-blood-pressure@Cuff';
const DAY_MS = 86_400_000;
/** The FHIR bundle alone (without the report PDF inside): what this file checks is the numerics. */
const FHIR_ONLY: ExportRegistry = {
  'fhir-json': (source, request) =>
    Promise.resolve(
      jsonFile('consultation-fhir', buildFhirBundle(source, { generatedAt: request.generatedAt })),
    ),
};

function cuffResult(time: string, systolic = 131, diastolic = 85): NumericReading[] {
  const value = (metric: NumericReading['metric'], unit: string, v: number): NumericReading => ({
    type: 'numeric',
    device: CUFF,
    metric,
    unit,
    value: v,
    time,
  });
  return [
    value('MDC_PRESS_BLD_NONINV_SYS', 'mm[Hg]', systolic),
    value('MDC_PRESS_BLD_NONINV_DIA', 'mm[Hg]', diastolic),
    value('MDC_PRESS_BLD_NONINV_MEAN', 'mm[Hg]', 100),
    value('MDC_PULS_RATE_NON_INV', '/min', 68),
  ];
}

interface Bundle {
  entry: {
    resource: {
      resourceType: string;
      code?: { coding: { code: string }[] };
      effectiveDateTime?: string;
      note?: { text: string }[];
    };
  }[];
}

describe('measurements from before the consultation', () => {
  let temp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let changes: (ConsultationSummary | null)[];
  const clock = manualClock();
  const settings = new MemorySettingsStore({ operatorName: 'Léa Garnier' });

  beforeEach(() => {
    temp = tempDir();
    clock.set(Date.parse('2026-11-25T09:30:00.000Z'));
    backend = createBackend({
      host: 'node',
      version: '1.0.0',
      settings,
      discovery: false,
      now: clock.now,
      records: openTestRecords(temp.dir, clock.now, settings),
      exports: FHIR_ONLY,
    });
    changes = [];
    backend.on('consultation.changed', (summary) => changes.push(summary));
  });
  afterEach(async () => {
    await backend.close();
    temp.cleanup();
  });

  const api = () => backend.api;
  const earlier = new Date(Date.parse('2026-11-25T09:30:00.000Z') - 3 * DAY_MS + 9 * 3_600_000).toISOString(); // 22 Nov 18:30

  async function bpPanels(id: string): Promise<Bundle['entry'][number]['resource'][]> {
    const fhir = await api()['consultation.export']({ id, format: 'fhir-json', language: 'en' });
    const bundle = JSON.parse(Buffer.from(fhir.dataBase64, 'base64').toString('utf8')) as Bundle;
    return bundle.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'Observation' && r.code?.coding.some((c) => c.code === '85354-9'));
  }

  async function rejection(promise: Promise<unknown>): Promise<AppErrorException> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppErrorException) return error;
      throw error;
    }
    throw new Error('expected a rejection');
  }

  it('an older cuff result is pending, announced, and enters neither the record, its summary nor its exports', async () => {
    const { id } = await api()['consultation.start'](CONSULTATION_START);
    clock.advance(20_000);
    changes = [];
    await api()['readings.submit']({ readings: cuffResult(earlier) });

    const current = await api()['consultation.current']({});
    expect(current?.pending).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown,
        device: CUFF,
        measuredAt: earlier,
        receivedAt: '2026-11-25T09:30:20.000Z',
        values: [
          { metric: 'MDC_PRESS_BLD_NONINV_SYS', unit: 'mm[Hg]', value: 131 },
          { metric: 'MDC_PRESS_BLD_NONINV_DIA', unit: 'mm[Hg]', value: 85 },
          { metric: 'MDC_PRESS_BLD_NONINV_MEAN', unit: 'mm[Hg]', value: 100 },
          { metric: 'MDC_PULS_RATE_NON_INV', unit: '/min', value: 68 },
        ],
      },
    ]);
    // The station hears of it at once (one change per value that grew the measurement).
    expect(changes.at(-1)?.pending).toHaveLength(1);

    await api()['consultation.end']({ id });
    const detail = await api()['consultation.get']({ id });
    expect(detail.summary.counts.numerics).toBe(0);
    expect(detail.metrics).toEqual([]);
    expect(detail.summary.pending).toBeUndefined();
    expect(await bpPanels(id)).toEqual([]);
  });

  it('a result measured during the consultation is recorded at once, and a repeat of it adds nothing', async () => {
    const { id } = await api()['consultation.start'](CONSULTATION_START);
    const during = new Date(clock.now() + 5_000).toISOString();
    await api()['readings.submit']({ readings: cuffResult(during, 118, 76) });
    await api()['readings.submit']({ readings: cuffResult(during, 118, 76) });
    expect((await api()['consultation.current']({}))?.pending).toEqual([]);
    await api()['consultation.end']({ id });
    const detail = await api()['consultation.get']({ id });
    expect(detail.summary.counts.numerics).toBe(4);
    const panels = await bpPanels(id);
    expect(panels.map((p) => p.effectiveDateTime)).toEqual([during]);
  });

  it('confirm: recorded at its true time with who confirmed and when, in the timeline, the audit and the export', async () => {
    const { id } = await api()['consultation.start'](CONSULTATION_START);
    // The parts of one result arriving in two batches are still one measurement.
    const parts = cuffResult(earlier);
    await api()['readings.submit']({ readings: parts.slice(0, 2) });
    await api()['readings.submit']({ readings: parts.slice(2) });
    const [pending] = (await api()['consultation.current']({}))?.pending ?? [];
    expect(pending?.values).toHaveLength(4);

    clock.advance(65_000);
    const summary = await api()['consultation.confirmMeasurement']({ id, measurementId: pending.id });
    expect(summary.pending).toEqual([]);
    expect(summary.counts.numerics).toBe(4);
    expect(changes.at(-1)?.pending).toEqual([]);
    // The same measurement sent again (a cuff re-downloading after a reconnect) adds nothing.
    await api()['readings.submit']({ readings: cuffResult(earlier) });
    expect((await api()['consultation.current']({}))?.pending).toEqual([]);

    await api()['consultation.end']({ id });
    const detail = await api()['consultation.get']({ id });
    expect(detail.summary.counts.numerics).toBe(4);
    const systolic = detail.metrics.find((m) => m.metric === 'MDC_PRESS_BLD_NONINV_SYS');
    expect(systolic).toMatchObject({ count: 1, last: { value: 131, time: earlier } });
    expect(detail.timeline.filter((e) => e.kind === 'measurement-confirmed')).toEqual([
      {
        kind: 'measurement-confirmed',
        time: '2026-11-25T09:31:05.000Z',
        device: CUFF,
        measuredAt: earlier,
        confirmedBy: 'Léa Garnier',
        values: pending.values,
      },
    ]);
    const audit = (await api()['audit.list']({})).filter((a) => a.action === 'measurement.confirm');
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'Léa Garnier',
        consultationId: id,
        time: '2026-11-25T09:31:05.000Z',
        detail: expect.stringContaining(`measured ${earlier} by ${CUFF}`) as unknown,
      }),
    ]);
    const panels = await bpPanels(id);
    expect(panels).toHaveLength(1);
    expect(panels[0]?.effectiveDateTime).toBe(earlier);
    expect(panels[0]?.note?.[0]?.text).toBe(
      `Measured before the consultation (${earlier}); confirmed for this patient by Léa Garnier at 2026-11-25T09:31:05.000Z`,
    );
  });

  it('a part of a confirmed measurement arriving late is recorded with the same confirmation', async () => {
    const { id } = await api()['consultation.start'](CONSULTATION_START);
    const parts = cuffResult(earlier);
    await api()['readings.submit']({ readings: parts.slice(0, 2) });
    const [pending] = (await api()['consultation.current']({}))?.pending ?? [];
    clock.advance(30_000);
    await api()['consultation.confirmMeasurement']({ id, measurementId: pending.id });
    await api()['readings.submit']({ readings: parts.slice(2) });
    expect((await api()['consultation.current']({}))?.pending).toEqual([]);
    await api()['consultation.end']({ id });
    expect((await api()['consultation.get']({ id })).summary.counts.numerics).toBe(4);
    const panels = await bpPanels(id);
    expect(panels).toHaveLength(1);
    expect(panels[0]?.note?.[0]?.text).toMatch(
      /confirmed for this patient by Léa Garnier at 2026-11-25T09:30:30.000Z$/,
    );
  });

  it('dismiss: discarded unrecorded with an audit row, and the same measurement does not come back', async () => {
    const { id } = await api()['consultation.start'](CONSULTATION_START);
    await api()['readings.submit']({ readings: cuffResult(earlier) });
    const [pending] = (await api()['consultation.current']({}))?.pending ?? [];
    const summary = await api()['consultation.dismissMeasurement']({ id, measurementId: pending.id });
    expect(summary.pending).toEqual([]);
    await api()['readings.submit']({ readings: cuffResult(earlier) });
    expect((await api()['consultation.current']({}))?.pending).toEqual([]);
    await api()['consultation.end']({ id });
    expect((await api()['consultation.get']({ id })).summary.counts.numerics).toBe(0);
    const audit = (await api()['audit.list']({})).filter((a) => a.action === 'measurement.dismiss');
    expect(audit).toEqual([
      expect.objectContaining({
        consultationId: id,
        detail: expect.stringContaining('not recorded') as unknown,
      }),
    ]);
    // Deciding once the consultation is over: refused, the record takes no new entries.
    const again = await rejection(
      api()['consultation.confirmMeasurement']({ id, measurementId: pending.id }),
    );
    expect(again.code).toBe('forbidden'); // the consultation is over
  });

  it('ending a consultation clears its pending measurements; the next patient starts with none', async () => {
    const first = await api()['consultation.start'](CONSULTATION_START);
    await api()['readings.submit']({ readings: cuffResult(earlier) });
    const [pending] = (await api()['consultation.current']({}))?.pending ?? [];
    await api()['consultation.end']({ id: first.id });
    expect(changes.at(-1)).toBeNull();

    clock.advance(600_000);
    const second = await api()['consultation.start'](CONSULTATION_START);
    expect(second.pending).toEqual([]);
    expect((await api()['consultation.current']({}))?.pending).toEqual([]);
    // The first patient's measurement cannot be confirmed into the second record.
    const crossed = await rejection(
      api()['consultation.confirmMeasurement']({ id: second.id, measurementId: pending.id }),
    );
    expect(crossed.code).toBe('not-found');
    expect(crossed.message).toMatch(/^measurement-not-pending: /);
    await api()['consultation.end']({ id: second.id });
    expect((await api()['consultation.get']({ id: second.id })).summary.counts.numerics).toBe(0);
  });

  it('a cuff result taken just before the start is offered as pending; one from before the last end is not', async () => {
    // The nurse measures, then fills the form: the result arrives when no consultation can take it.
    const beforeFirst = new Date(clock.now() - 120_000).toISOString();
    await api()['readings.submit']({ readings: cuffResult(beforeFirst) });
    const first = await api()['consultation.start'](CONSULTATION_START);
    expect(first.pending?.map((p) => [p.measuredAt, p.values.length])).toEqual([[beforeFirst, 4]]);
    clock.advance(600_000);
    await api()['consultation.end']({ id: first.id });

    // The next patient: the first patient's result is never offered again; one taken since is.
    clock.advance(60_000);
    const second = await api()['consultation.start'](CONSULTATION_START);
    expect(second.pending).toEqual([]);
    clock.advance(60_000);
    await api()['consultation.end']({ id: second.id });
    clock.advance(30_000);
    const between = new Date(clock.now()).toISOString();
    await api()['readings.submit']({ readings: cuffResult(between, 120, 80) });
    clock.advance(90_000);
    const third = await api()['consultation.start'](CONSULTATION_START);
    expect(third.pending?.map((p) => p.measuredAt)).toEqual([between]);
  });

  it('without an operator name in the settings, the confirmer is who recorded the consent', async () => {
    settings.update({ operatorName: '' });
    try {
      const start = {
        ...CONSULTATION_START,
        consent: { ...CONSULTATION_START.consent, recordedBy: 'Inès Martin' },
      };
      const { id } = await api()['consultation.start'](start);
      await api()['readings.submit']({ readings: cuffResult(earlier) });
      const [pending] = (await api()['consultation.current']({}))?.pending ?? [];
      await api()['consultation.confirmMeasurement']({ id, measurementId: pending.id });
      const detail = await api()['consultation.get']({ id });
      expect(detail.timeline.find((e) => e.kind === 'measurement-confirmed')).toMatchObject({
        confirmedBy: 'Inès Martin',
      });
      // The audit's actor is never a name typed into a form: no operator is set, so `station`.
      const audit = (await api()['audit.list']({})).find((a) => a.action === 'measurement.confirm');
      expect(audit?.actor).toBe('station');
      expect(audit?.detail).toContain('confirmed as Inès Martin');
    } finally {
      settings.update({ operatorName: 'Léa Garnier' });
    }
  });

  it('bad input: malformed ids are refused by the contract, another consultation is forbidden', async () => {
    const { id } = await api()['consultation.start'](CONSULTATION_START);
    await api()['readings.submit']({ readings: cuffResult(earlier) });
    const [pending] = (await api()['consultation.current']({}))?.pending ?? [];
    const call = backend.api['consultation.confirmMeasurement'] as (p: unknown) => Promise<unknown>;
    expect((await rejection(call({ id, measurementId: 'x' }))).code).toBe('bad-request');
    expect((await rejection(call({ id, measurementId: pending.id, extra: 1 }))).code).toBe('bad-request');
    const other = 'f'.repeat(32);
    const forbidden = await rejection(call({ id: other, measurementId: pending.id }));
    expect(forbidden.code).toBe('forbidden');
    expect(forbidden.message).toMatch(/^consultation-not-active: /);
    expect((await api()['consultation.current']({}))?.pending).toHaveLength(1);
  });

  it(`keeps at most ${MAX_PENDING_MEASUREMENTS} pending measurements, the newest`, async () => {
    await api()['consultation.start'](CONSULTATION_START);
    const times = Array.from({ length: MAX_PENDING_MEASUREMENTS + 3 }, (_, i) =>
      new Date(Date.parse('2026-11-01T08:00:00.000Z') + i * DAY_MS).toISOString(),
    );
    for (const time of times) await api()['readings.submit']({ readings: cuffResult(time) });
    const pending = (await api()['consultation.current']({}))?.pending ?? [];
    expect(pending.map((p) => p.measuredAt)).toEqual(times.slice(3));
  });

  it('without consent to device data nothing is pending (nothing may be recorded)', async () => {
    await api()['consultation.start'](CONSULTATION_START_NO_DEVICE_DATA);
    await api()['readings.submit']({ readings: cuffResult(earlier) });
    expect((await api()['consultation.current']({}))?.pending).toEqual([]);
  });
});
