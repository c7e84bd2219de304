import { createHash } from 'node:crypto';
import { buildFhirBundle } from '../../../../src/core/exports/fhir/build-bundle';
import { nameBasedUuid } from '../../../../src/core/exports/fhir/ids';
import { fixtureConsultation, SNAPSHOT_ID } from '../../../helpers/consultation-fixture';
import { at, exportOf, GENERATED_AT, REPORT_PDF, resources, variant } from './bundle-helpers';
import { validateFhir } from './fhir-validator';

/** Determinism, attachments, and bad input: skipped with a reason, the rest still a valid bundle. */

const base = fixtureConsultation({ minutes: 1 });

function lines(result: ReturnType<typeof exportOf>): string[] {
  return result.warnings.map((w) => `${w.item}: ${w.reason}`).sort();
}

function allValid(result: ReturnType<typeof exportOf>): void {
  const issues = resources(result).flatMap((r) => validateFhir(r));
  expect(issues.filter((i) => !/slice '(Systolic|Diastolic)BP'/.test(i.message))).toEqual([]);
}

describe('determinism', () => {
  test('same input, same JSON', () => {
    const once = JSON.stringify(
      buildFhirBundle(fixtureConsultation({ minutes: 1 }), {
        generatedAt: GENERATED_AT,
        reportPdf: REPORT_PDF,
      }),
    );
    const twice = JSON.stringify(
      buildFhirBundle(fixtureConsultation({ minutes: 1 }), {
        generatedAt: GENERATED_AT,
        reportPdf: REPORT_PDF,
      }),
    );
    expect(twice).toBe(once);
  });

  test('a later export keeps the resource ids; only the bundle id and timestamp change', () => {
    const first = buildFhirBundle(base, { generatedAt: GENERATED_AT });
    const later = buildFhirBundle(base, { generatedAt: new Date('2026-11-26T08:00:00.000Z') });
    expect(later.entry.map((e) => e.fullUrl)).toEqual(first.entry.map((e) => e.fullUrl));
    expect(later.id).not.toBe(first.id);
    expect(later.timestamp).toBe('2026-11-26T08:00:00.000Z');
  });

  test('ids are RFC 4122 version-5 UUIDs', () => {
    expect(nameBasedUuid('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(nameBasedUuid('x')).toBe(nameBasedUuid('x'));
    expect(nameBasedUuid('x')).not.toBe(nameBasedUuid('y'));
  });
});

describe('attachments', () => {
  const result = exportOf(base);

  test('snapshot and stethoscope recording as Media with their bytes, size and SHA-1', () => {
    const media = resources(result, 'Media');
    expect(media.map((m) => at(m, 'content', 'contentType'))).toEqual(['image/png', 'audio/wav']);
    for (const [i, info] of base.detail.media.entries()) {
      const bytes = base.media(info.id);
      const content = at(media[i], 'content') as { data: string; size: number; hash: string };
      expect(Buffer.from(content.data, 'base64').equals(Buffer.from(bytes))).toBe(true);
      expect(content.size).toBe(bytes.length);
      expect(content.hash).toBe(createHash('sha1').update(bytes).digest('base64'));
    }
    expect(at(media[1], 'duration')).toBe(1);
  });

  test('the report PDF as a DocumentReference, LOINC 11488-4, linked to the encounter', () => {
    const [document] = resources(result, 'DocumentReference');
    expect(at(document, 'type', 'coding', 0, 'code')).toBe('11488-4');
    expect(at(document, 'content', 0, 'attachment', 'contentType')).toBe('application/pdf');
    expect(
      Buffer.from(at(document, 'content', 0, 'attachment', 'data') as string, 'base64').toString('latin1'),
    ).toMatch(/^%PDF/);
    const encounter = result.bundle.entry.find((e) => e.resource.resourceType === 'Encounter');
    expect(at(document, 'context', 'encounter', 0, 'reference')).toBe(encounter?.fullUrl);
  });
});

describe('bad input', () => {
  test('unknown metric ids are skipped with a reason; the rest is exported and valid', () => {
    const source = variant(base, {
      numerics: (n) => [
        ...n,
        { device: n[0].device, metric: 'MDC_NOT_A_METRIC', unit: '1', value: 3, time: n[0].time },
        { device: n[0].device, metric: 'MDC_NOT_A_METRIC', unit: '1', value: 4, time: n[1].time },
      ],
      detail: (d) => ({
        ...d,
        waveforms: [
          ...d.waveforms,
          { ...d.waveforms[0], metric: 'MDC_MYSTERY_WAVE' },
          { ...d.waveforms[0], metric: 'MDC_PULS_OXIM_SAT_O2' },
        ],
      }),
    });
    const result = exportOf(source);
    expect(lines(result)).toEqual([
      'numeric MDC_NOT_A_METRIC from contec-cms50-v7@/dev/ttyUSB0: 2 reading(s) skipped: metric id not in the metric table (no code to export it under)',
      'waveform MDC_MYSTERY_WAVE from contec-cms50-v7@/dev/ttyUSB0: metric id not in the metric table (no code to export it under)',
      'waveform MDC_PULS_OXIM_SAT_O2 from contec-cms50-v7@/dev/ttyUSB0: MDC_PULS_OXIM_SAT_O2 is a numeric metric, recorded as a waveform',
    ]);
    expect(resources(result, 'Observation').length).toBe(resources(exportOf(base), 'Observation').length);
    allValid(result);
  });

  test('a reading in a unit other than the table’s is skipped, not mislabelled', () => {
    const result = exportOf(
      variant(base, {
        numerics: (n) => [
          ...n,
          { device: n[0].device, metric: 'MDC_TEMP_BODY', unit: '[degF]', value: 99.1, time: n[0].time },
        ],
      }),
    );
    expect(lines(result)).toEqual([
      "numeric MDC_TEMP_BODY from contec-cms50-v7@/dev/ttyUSB0: 1 reading(s) skipped: unit [degF] differs from the metric table's Cel",
    ]);
  });

  test('no report written: no DocumentReference, no consultant, a warning each; still valid', () => {
    const result = exportOf(
      variant(base, { detail: (d) => ({ ...d, report: null, careSheet: null }) }),
      null,
    );
    expect(resources(result, 'DocumentReference')).toEqual([]);
    expect(result.warnings.map((w) => w.item)).toEqual(['consultant', 'report PDF']);
    expect(result.warnings[1].reason).toBe('no report written yet');
    allValid(result);
  });

  test('media bytes missing: that Media is skipped with the reason, the other kept', () => {
    const result = exportOf(variant(base, { dropMedia: SNAPSHOT_ID }));
    expect(resources(result, 'Media')).toHaveLength(1);
    expect(lines(result)).toEqual([
      `media ${SNAPSHOT_ID} (snapshot): bytes unavailable: no media ${SNAPSHOT_ID}`,
    ]);
  });

  test('no accompanying professional, interrupted record, consent to device data refused', () => {
    const result = exportOf(
      variant(base, {
        detail: (d) => ({
          ...d,
          summary: {
            ...d.summary,
            status: 'interrupted',
            accompanying: null,
            consent: { ...d.summary.consent, deviceData: false },
          },
        }),
      }),
    );
    expect(resources(result, 'PractitionerRole')).toEqual([]);
    const [encounter] = resources(result, 'Encounter');
    expect(at(encounter, 'status')).toBe('unknown');
    expect(at(encounter, 'participant') as unknown[]).toHaveLength(1);
    const [consent] = resources(result, 'Consent');
    expect(at(consent, 'provision', 'provision', 1, 'type')).toBe('deny');
    expect(at(resources(result, 'Provenance')[0], 'agent', 0, 'who')).toEqual({
      display: 'Infirmière Léa Garnier',
    });
    allValid(result);
  });

  test('an ADELI number for the accompanying professional is sent as typed ADELI, never built into an idNatPs', () => {
    const result = exportOf(
      variant(base, {
        detail: (d) => ({
          ...d,
          summary: {
            ...d.summary,
            accompanying: { name: 'Léa Garnier', role: 'pharmacist', identifier: '123456789' },
          },
        }),
      }),
    );
    const nurse = resources(result, 'Practitioner')[1];
    expect(at(nurse, 'identifier')).toEqual([
      {
        use: 'official',
        type: {
          coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'ADELI' }],
        },
        value: '123456789',
      },
    ]);
  });
});

describe('device names', () => {
  const names = (language?: 'en' | 'fr') =>
    resources(
      {
        bundle: buildFhirBundle(base, { generatedAt: GENERATED_AT, ...(language ? { language } : {}) }),
        warnings: [],
      },
      'Device',
    ).map((device) => device['deviceName']);

  test('each Device is named from the catalogue in the export’s language, its driver’s name kept as the model', () => {
    expect(names('fr')).toContainEqual([
      { name: 'Oxymètre de pouls Contec CMS50', type: 'user-friendly-name' },
      { name: 'Contec CMS50D+', type: 'model-name' },
    ]);
    expect(names('en')).toContainEqual([
      { name: 'Omron blood pressure monitor', type: 'user-friendly-name' },
      { name: 'Omron HEM (USB)', type: 'model-name' },
    ]);
    expect(names()).toEqual(names('en'));
  });
});
