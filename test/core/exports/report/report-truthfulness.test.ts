import type { RecordedNumeric } from '../../../../src/core/exports/export-source';
import { renderReportPdf } from '../../../../src/core/exports/report/render-report-pdf';
import type { TimelineEvent } from '../../../../src/shared/domain/consultation';
import {
  BP,
  ECG,
  fixtureConsultation,
  FIXTURE_REPORT,
  OXIMETER,
} from '../../../helpers/consultation-fixture';
import { withSimulatedDevice } from '../../../helpers/simulated-fixture';
import { parsePdfs, plainText, type ParsedPdf } from './pdf-text';
import { GENERATED_AT, variant } from './report-fixtures';

/**
 * Issue 11, "the report tells what happened": dates on every time not on the consultation's day,
 * the time zone named once, the technical incidents in their own section, each metric with its
 * unit and precision, and a SIMULATED banner on every page when a simulator gave readings.
 * The fixture starts 2026-11-25 09:30 UTC, 10:30 in Paris.
 */

const MONITOR = 'philips-intellivue-mib@/dev/ttyUSB2';
const options = { generatedAt: GENERATED_AT, timeZone: 'Europe/Paris' } as const;

/** A cuff result from the cuff's memory, 13 days before the consultation (confirmed by the nurse). */
const OLD_BP = '2026-11-12T07:39:00.000Z';
const confirmation = { by: 'Léa Garnier', at: '2026-11-25T09:30:40.000Z' };
const extraNumerics: RecordedNumeric[] = [
  { device: BP, metric: 'MDC_PRESS_BLD_NONINV_SYS', unit: 'mm[Hg]', value: 131, time: OLD_BP, confirmation },
  { device: BP, metric: 'MDC_PRESS_BLD_NONINV_DIA', unit: 'mm[Hg]', value: 84, time: OLD_BP, confirmation },
  { device: BP, metric: 'MDC_PULS_RATE_NON_INV', unit: '/min', value: 66, time: OLD_BP, confirmation },
  { device: MONITOR, metric: 'MDC_RESP_RATE', unit: '/min', value: 14, time: '2026-11-25T09:31:00.000Z' },
  {
    device: OXIMETER,
    metric: 'MDC_PULS_OXIM_PERF_REL',
    unit: '%',
    value: 0.04,
    time: '2026-11-25T09:31:30.000Z',
  },
];

const incidents: TimelineEvent[] = [
  { kind: 'call', time: '2026-11-25T09:31:10.000Z', state: 'reconnecting' },
  { kind: 'call', time: '2026-11-25T09:31:25.000Z', state: 'reconnected' },
  {
    kind: 'device',
    time: '2026-11-25T09:31:40.000Z',
    device: ECG,
    name: 'OpenBCI Cyton',
    state: 'disconnected',
    reason: 'timeout',
    simulated: false,
  },
  {
    kind: 'device',
    time: '2026-11-25T09:31:50.000Z',
    device: ECG,
    name: 'OpenBCI Cyton',
    state: 'connected',
    simulated: false,
  },
  {
    kind: 'recording',
    time: '2026-11-25T09:32:00.000Z',
    state: 'failing',
    code: 'disk-full',
    since: '2026-11-25T09:32:00.000Z',
    droppedReadings: 0,
  },
  {
    kind: 'recording',
    time: '2026-11-25T09:32:20.000Z',
    state: 'resumed',
    code: 'disk-full',
    since: '2026-11-25T09:32:00.000Z',
    droppedReadings: 124,
  },
  { kind: 'host-restarted', time: '2026-11-25T09:32:40.000Z', since: '2026-11-25T09:32:30.000Z' },
  { kind: 'interrupted', time: '2026-11-25T09:32:50.000Z' },
];

function eventful(findings?: string) {
  const base = fixtureConsultation({ minutes: 3 });
  const timeline = [...base.detail.timeline, ...incidents].sort((a, b) => a.time.localeCompare(b.time));
  const devices = [...base.detail.devices, { id: MONITOR, name: 'Philips IntelliVue', protocol: 'x' }];
  const detail = withSimulatedDevice({ ...base.detail, timeline, devices }, OXIMETER);
  return variant(
    base,
    {
      ...detail,
      ...(findings === undefined ? {} : { report: { ...FIXTURE_REPORT, findings } }),
    },
    extraNumerics,
  );
}

function longFindings(): string {
  const sentence = 'Auscultation cardiaque régulière, pas de souffle, murmure vésiculaire symétrique. ';
  return sentence.repeat(200);
}

describe('the report tells what happened (issue 11)', () => {
  let parsed: Record<'en' | 'fr' | 'long' | 'midnight' | 'plain', ParsedPdf>;

  beforeAll(async () => {
    const en = await renderReportPdf(eventful(), { ...options, language: 'en' });
    const fr = await renderReportPdf(eventful(), { ...options, language: 'fr' });
    const long = await renderReportPdf(eventful(longFindings()), { ...options, language: 'en' });
    // 23:58:30 in Paris, three minutes: it ends the next day.
    const midnight = await renderReportPdf(
      fixtureConsultation({ minutes: 3, startIso: '2026-11-25T22:58:30.000Z' }),
      { ...options, language: 'en' },
    );
    const plain = await renderReportPdf(fixtureConsultation({ minutes: 3 }), { ...options, language: 'en' });
    const [a, b, c, d, e] = parsePdfs([en, fr, long, midnight, plain]);
    parsed = { en: a, fr: b, long: c, midnight: d, plain: e };
  });

  it('names the time zone once, with its offset from UTC', () => {
    const text = plainText(parsed.en);
    expect(text).toContain('Times in Europe/Paris (UTC+01:00)');
    expect(text.split('Times in').length - 1).toBe(1);
    expect(plainText(parsed.fr)).toContain('Heures en Europe/Paris (UTC+01:00)');
  });

  it('prints the date of a measurement from another day, and only the time of today’s', () => {
    const text = plainText(parsed.en);
    // The cuff's stored result, 13 days earlier, in the blood-pressure table and the summary.
    expect(text).toContain(
      '12/11/2026 08:39:00 Measured before the consultation; confirmed for this patient by Léa Garnier ' +
        'at 10:30:40 131/84 mmHg 66 bpm Omron blood pressure monitor',
    );
    expect(plainText(parsed.fr)).toContain(
      'Mesurée avant la consultation ; confirmée pour ce patient par Léa Garnier à 10:30:40',
    );
    expect(text).toMatch(/Systolic 128 mmHg 10:32:00 131 mmHg 12\/11\/2026 08:39:00 128 mmHg 10:32:00/);
    expect(text).toContain('10:32:00 128/82 (97) mmHg 74 bpm Omron blood pressure monitor');
    expect(text).not.toContain('25/11/2026 10:32:00');
  });

  it('dates the end of a consultation that runs past midnight', () => {
    const text = plainText(parsed.midnight);
    expect(text).toContain('Started 23:58:30');
    expect(text).toContain('Ended 26/11/2026 00:01:30');
    expect(text).toContain('26/11/2026 00:01:20–26/11/2026 00:01:30');
  });

  it('lists every technical incident in its own section, in English', () => {
    const text = plainText(parsed.en);
    const section = text.slice(text.indexOf('Technical incidents'), text.indexOf('Vital signs summary'));
    for (const line of [
      '10:31:10 Call interrupted (link lost); reconnecting',
      '10:31:25 Call reconnected',
      '10:31:40 OpenBCI Cyton ECG disconnected (stopped answering)',
      '10:31:50 OpenBCI Cyton ECG reconnected',
      '10:32:00 Readings not saved (disk full)',
      '10:32:20 Readings saved again after a failure since 10:32:00 (disk full): 124 readings lost',
      '10:32:40 The station restarted during the consultation and resumed it: nothing recorded from 10:32:30',
      '10:32:50 The station stopped during the consultation: recording interrupted',
    ])
      expect(section).toContain(line);
  });

  it('lists them in French too, and says when there was none', () => {
    const text = plainText(parsed.fr);
    const section = text.slice(text.indexOf('Incidents techniques'), text.indexOf('Synthèse des constantes'));
    for (const line of [
      '10:31:10 Appel interrompu (liaison perdue) ; reconnexion',
      '10:31:40 ECG OpenBCI Cyton déconnecté (ne répond plus)',
      '10:31:50 ECG OpenBCI Cyton reconnecté',
      '10:32:20 Mesures de nouveau enregistrées après un échec depuis 10:32:00 (disque plein) : 124 mesures perdues',
      '10:32:40 Redémarrage de la station pendant la consultation, reprise ensuite : rien d’enregistré depuis 10:32:30',
    ])
      expect(section).toContain(line);
    expect(plainText(parsed.plain)).toContain('No technical incident was recorded during the consultation.');
  });

  it('writes respiration in /min and each metric at its display precision', () => {
    const en = plainText(parsed.en);
    expect(en).toMatch(/Philips IntelliVue monitor Resp 14 \/min 10:31:00/);
    expect(en).not.toMatch(/14 bpm/);
    expect(en).toContain('PI 0.04% 10:31:30');
    const fr = plainText(parsed.fr);
    expect(fr).toContain('IP 0,04 % 10:31:30');
    expect(fr).not.toContain('0,0 %');
    expect(fr).toMatch(/Pouls 70 bpm/);
  });

  it('prints a SIMULATED banner on every page and marks the simulator wherever it is named', () => {
    const { pages, numPages } = parsed.long;
    expect(numPages).toBeGreaterThanOrEqual(4);
    expect(pages.at(-1)!.width).toBeGreaterThan(pages.at(-1)!.height); // the landscape strips too
    pages.forEach((page) =>
      expect(page.text.replace(/\s+/gu, ' ')).toContain(
        'SIMULATED — readings from a device simulator, not from the patient',
      ),
    );
    const text = plainText(parsed.en);
    expect(text).toContain('Contec CMS50 pulse oximeter (SIMULATED) SpO₂');
    expect(text).toContain('Pleth — Contec CMS50 pulse oximeter (SIMULATED)');
    expect(text).not.toContain('OpenBCI Cyton ECG (SIMULATED)');
    plainText(parsed.fr)
      .split('\n')
      .forEach((page) => expect(page).toContain('SIMULÉ — mesures issues d'));
    expect(plainText(parsed.plain)).not.toMatch(/SIMULATED/);
  });

  it('names every device from the catalogue in the document’s language, never by its raw id', () => {
    const fr = plainText(parsed.fr);
    expect(fr).toContain('Oxymètre de pouls Contec CMS50 (SIMULÉ)');
    expect(fr).toContain('Tensiomètre Omron');
    expect(fr).toContain('Moniteur Philips IntelliVue');
    expect(fr).not.toMatch(/pulse oximeter|blood pressure monitor|Omron HEM \(USB\)/);
    for (const text of [plainText(parsed.en), fr]) expect(text).not.toMatch(/[a-z0-9-]+@\/dev\//);
  });
});
