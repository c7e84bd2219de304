import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { ConsultationDetail, ConsultationSummary } from '../../src/shared/domain/consultation';
import { parsePdfs, plainText } from '../core/exports/report/pdf-text';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { callHostApi } from './call-turn';
import { startStationHost, type StationHost } from './station-host';
import { openWorkspaceTab } from './consultant-workspace';

/**
 * Issue 12, the report written after the call, on the real Node host with real Chromium pages: the
 * doctor saves a report during the call; the nurse ends the consultation (the call ends); the
 * doctor edits the kept draft and sends it to the station through the report-only room (data
 * only) → version 2, confirmed on the doctor's page; notes, chat and the care sheet are refused
 * visibly; the next patient's consultation and call go on beside it; the record's screen issues a
 * report link of its own (a `#report=` page, the saved version loaded); once the window is over
 * (the setting made 0 h), sending is refused with its reason and the draft stays.
 */
let host: StationHost;
const contexts: BrowserContext[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startStationHost([]);
  await callHostApi(host.url, 'settings.update', { operatorName: 'Léa Garnier', reportAmendHours: 24 });
});

test.afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close();
  await host?.stop();
});

const api = <T>(method: string, params: object = {}): Promise<T> =>
  callHostApi(host.url, method, params) as Promise<T>;

const FULL = {
  reason: 'Toux fébrile depuis 5 jours',
  findings: 'Crépitants base droite, SpO2 94 %',
  conclusion: 'Pneumopathie probable',
  prescriptions: 'Amoxicilline 1 g x 3 / j pendant 7 jours',
};
const AMENDED = 'Pneumopathie : radio de thorax demandée, résultat à transmettre';

async function newPage(browser: Browser, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale, acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}

/** The station starts a call for its active consultation; a doctor's page joins with the link. */
async function callDoctor(browser: Browser, station: Page): Promise<Page> {
  await station.getByTestId('nav-station').click();
  if ((await station.getByTestId('call-new').count()) > 0) await station.getByTestId('call-new').click();
  await station.getByTestId('call-open').click();
  await station.getByTestId('call-start').click();
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  const link = await station.getByTestId('invite-url').inputValue();
  const consultant = await newPage(browser, 'fr-FR');
  await consultant.goto(link);
  for (const page of [station, consultant])
    await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
      timeout: 15_000,
    });
  return consultant;
}

test('after the end the doctor sends report versions through a report-only room; nothing else; the window closes it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const first = await api<ConsultationSummary>('consultation.start', CONSULTATION_START);
  const station = await newPage(browser);
  await station.goto(host.url);
  const doctor = await callDoctor(browser, station);
  const report = doctor.getByTestId('record-status-report');
  const send = doctor.getByTestId('record-send-report');

  // During the call: version 1.
  await openWorkspaceTab(doctor, 'record');
  await doctor.getByTestId('record-doctorName').fill('Dr Claire Martin');
  await doctor.getByTestId('record-doctorRpps').fill('10001234567');
  for (const [field, text] of Object.entries(FULL)) await doctor.getByTestId(`record-${field}`).fill(text);
  await send.click();
  await expect(report).toHaveAttribute('data-state', 'saved');
  await expect(report).toContainText('version 1');

  // The nurse ends the consultation: the call ends, the draft stays, "Send to the station" is offered.
  await station.getByTestId('nav-consultation').click();
  await station.getByTestId('consultation-end').click();
  await station.getByTestId('consultation-end-dialog-confirm').click();
  await expect(station.getByTestId('consultation-start-form')).toBeVisible();
  await expect(doctor.getByTestId('call-state')).toHaveAttribute('data-phase', 'ended');
  await expect(doctor.getByTestId('report-only-notice')).toContainText('La station a clos la consultation');
  await expect(send).toHaveText('Envoyer à la station');
  await expect(send).toBeEnabled();

  // The doctor edits the draft and sends it: version 2, said only on the station's confirmation.
  await doctor.getByTestId('record-conclusion').fill(AMENDED);
  await send.click();
  await expect(report).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  await expect(report).toContainText('version 2');
  await expect(doctor.getByTestId('report-only-phase')).toHaveAttribute('data-phase', 'connected');
  // Until when, as the station's setting says (24 h after the end).
  const ended = await api<ConsultationDetail>('consultation.get', { id: first.id });
  const closesAt = Date.parse(ended.summary.endedAt ?? '') + 24 * 3_600_000;
  await expect(doctor.getByTestId('report-only-window')).toHaveAttribute(
    'data-closes-at',
    new Date(closesAt).toISOString(),
  );
  await expect(doctor.getByTestId('report-only-window')).toContainText('jusqu’au');

  // Everything else is refused, visibly, in the doctor's language.
  await doctor.getByTestId('record-note').fill('Appeler le patient demain');
  await doctor.getByTestId('record-send-note').click();
  const note = doctor.getByTestId('record-status-note');
  await expect(note).toHaveAttribute('data-state', 'failed');
  await expect(note).toHaveAttribute('role', 'alert');
  await expect(note).toContainText('son dossier est scellé');
  await doctor.getByTestId('record-place').selectOption('home');
  await doctor.getByTestId('record-send-care-sheet').click();
  const sheet = doctor.getByTestId('record-status-careSheet');
  await expect(sheet).toHaveAttribute('data-state', 'failed');
  await expect(sheet).toContainText('son dossier est scellé');
  await expect(doctor.getByTestId('chat-closed')).toContainText('La messagerie est fermée');
  await expect(doctor.getByTestId('chat-input')).toHaveCount(0);

  // The next patient: a new consultation and its call, while the earlier report room stays open.
  const second = await api<ConsultationSummary>('consultation.start', CONSULTATION_START);
  const nextDoctor = await callDoctor(browser, station);
  await expect(nextDoctor.getByTestId('record-send-report')).toHaveText(
    'Enregistrer le compte rendu sur la station',
  );
  await doctor.getByTestId('record-prescriptions').fill(`${FULL.prescriptions}\nRadio de thorax`);
  await send.click();
  await expect(report).toContainText('version 3', { timeout: 30_000 });
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected');
  await expect(nextDoctor.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected');
  expect((await api<ConsultationDetail>('consultation.get', { id: second.id })).report).toBeNull();

  // The record's screen: the history, and a report link of its own (e.g. after a station restart).
  await station.getByTestId('nav-records').click();
  await station
    .locator(`[data-testid="records-item"][data-id="${first.id}"]`)
    .getByTestId('records-open')
    .click();
  await expect(station.getByTestId('record-version-report-3')).toBeVisible();
  await station.getByTestId('record-report-link-issue').click();
  const reportLink = await station.getByTestId('record-report-link-url').inputValue();
  expect(reportLink).toContain('/consultant.html#report=');
  await expect(station.getByTestId('record-report-link-seated')).toBeVisible();
  const later = await newPage(browser, 'en-GB');
  await later.goto(reportLink);
  await expect(later.getByTestId('record-loaded-version')).toHaveAttribute('data-version', '3', {
    timeout: 30_000,
  });
  await expect(later.getByTestId('record-conclusion')).toHaveValue(AMENDED);
  await expect(later.getByTestId('consultant-patient')).toContainText(
    CONSULTATION_START.patient.familyName.toUpperCase(),
  );
  await later.getByTestId('record-findings').fill(`${FULL.findings}; sibilants`);
  await later.getByTestId('record-send-report').click();
  await expect(later.getByTestId('record-status-report')).toContainText('saved on the station as version 4');

  // The window is over (the setting made 0 h): sending is refused with its reason, the draft stays.
  await api('settings.update', { reportAmendHours: 0 });
  await doctor.getByTestId('record-reason').fill('Toux fébrile depuis 6 jours');
  await send.click();
  await expect(report).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(report).toContainText('le délai pour modifier le compte rendu');
  await expect(doctor.getByTestId('record-reason')).toHaveValue('Toux fébrile depuis 6 jours');
  await station.getByTestId('record-report-link-issue').click();
  await expect(station.getByTestId('record-report-link-refused')).toHaveAttribute(
    'data-code',
    'amend-window-closed',
  );

  // The record: every version whole, the doctor's link as the actor of each, and the PDF says so.
  const detail = await api<ConsultationDetail>('consultation.get', { id: first.id });
  const reports = (detail.versions ?? []).filter((v) => v.kind === 'report');
  expect(reports.map((v) => v.version)).toEqual([1, 2, 3, 4]);
  expect(reports[0]).toMatchObject({ report: FULL });
  expect(reports[1]?.report.conclusion).toBe(AMENDED);
  expect(detail.careSheet).toBeNull();
  expect(detail.timeline.some((e) => e.kind === 'note')).toBe(false);
  const audit = await api<{ action: string; actor: string; consultationId: string | null; detail: string }[]>(
    'audit.list',
    {},
  );
  const versions = audit.filter((a) => a.consultationId === first.id && a.action === 'report.version');
  expect(versions).toHaveLength(4);
  for (const row of versions) expect(row.actor).toMatch(/^consultant:[A-Za-z0-9_-]{16,64}$/);
  expect(versions.filter((row) => row.detail.includes('after the end'))).toHaveLength(3);
  expect(
    audit.some(
      (a) =>
        a.consultationId === first.id && a.action === 'write.refused' && /amend-window-closed/.test(a.detail),
    ),
  ).toBe(true);

  await station.getByTestId('record-back').click();
  await station
    .locator(`[data-testid="records-item"][data-id="${first.id}"]`)
    .getByTestId('records-open')
    .click();
  await expect(station.getByTestId('record-version-report-4')).toBeVisible();
  const download = station.waitForEvent('download', { timeout: 20_000 });
  await station.getByTestId('export-report-pdf').click();
  const pdf = await readFile(await (await download).path());
  const text = plainText(parsePdfs([new Uint8Array(pdf)])[0]);
  expect(text).toMatch(/Version 4, amended on|Version 4, modifiée le/);
  expect(text).toContain(AMENDED);
});
