import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ConsultationDetail, ConsultationSummary } from '../../src/shared/domain/consultation';
import { parsePdfs, plainText } from '../core/exports/report/pdf-text';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { callHostApi } from './call-turn';
import { startStationHost, type StationHost } from './station-host';
import { openWorkspaceTab } from './consultant-workspace';

/**
 * The overwrite story of issue 12, on the real Node host with two Chromium pages: the doctor saves
 * a full report; the nurse ends the consultation while the call is up; the doctor changes only the
 * conclusion and saves again. Whatever the call does after the end (today it stays up), the record
 * never loses the first report: the second save is a new version, or a refusal the doctor sees —
 * never a "saved" the station did not confirm. The record, its history and its PDF prove it.
 */
let host: StationHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startStationHost([]);
});

test.afterAll(async () => {
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

async function openConsultant(browser: Browser, station: Page): Promise<Page> {
  await station.getByTestId('nav-station').click();
  await station.getByTestId('call-open').click();
  await station.getByTestId('call-start').click();
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  const link = await station.getByTestId('invite-url').inputValue();
  const consultant = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await consultant.goto(link);
  for (const page of [station, consultant])
    await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
      timeout: 15_000,
    });
  return consultant;
}

test('report saved, station ends, doctor saves again: a new version or a visible refusal, nothing lost', async ({
  browser,
}) => {
  const started = await api<ConsultationSummary>('consultation.start', CONSULTATION_START);
  const station = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await station.goto(host.url);
  const consultant = await openConsultant(browser, station);
  const report = consultant.getByTestId('record-status-report');
  try {
    await openWorkspaceTab(consultant, 'record');
    await consultant.getByTestId('record-doctorName').fill('Dr Claire Martin');
    await consultant.getByTestId('record-doctorRpps').fill('10001234567');
    for (const [field, text] of Object.entries(FULL))
      await consultant.getByTestId(`record-${field}`).fill(text);
    await consultant.getByTestId('record-send-report').click();
    await expect(report).toHaveAttribute('data-state', 'saved');
    await expect(report).toContainText('version 1');

    // The nurse ends the consultation while the call is up.
    await station.getByTestId('nav-consultation').click();
    await station.getByTestId('consultation-end').click();
    await station.getByTestId('consultation-end-dialog-confirm').click();
    await expect(station.getByTestId('consultation-start-form')).toBeVisible();

    // The doctor changes only the conclusion and saves again. Once the end also ends the call
    // (issue 12 item 1), Save is disabled with the call: then nothing is sent and nothing is
    // claimed, and the draft stays on the doctor's screen.
    const conclusion = consultant.getByTestId('record-conclusion');
    await conclusion.fill('Pneumopathie : radio de thorax demandée');
    const sent = await consultant
      .getByTestId('record-send-report')
      .click({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (sent) {
      await expect(report).not.toHaveAttribute('data-state', 'sending', { timeout: 15_000 });
      const outcome = await report.getAttribute('data-state');
      test.info().annotations.push({ type: 'second save', description: outcome ?? 'none' });
      if (outcome === 'saved') await expect(report).toContainText('version 2');
      else await expect(report).toHaveAttribute('role', 'alert'); // refused or not sent: said, never "saved"
    } else {
      test.info().annotations.push({ type: 'second save', description: 'call ended: save disabled' });
      await expect(report).toContainText('version 1');
      await expect(conclusion).toHaveValue('Pneumopathie : radio de thorax demandée');
    }

    // Anything else after the end is refused, and the doctor reads why in French (while connected).
    await consultant
      .getByTestId('record-place')
      .selectOption('home', { timeout: 5_000 })
      .catch(() => undefined);
    const sheetSent = await consultant
      .getByTestId('record-send-care-sheet')
      .click({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (sheetSent) {
      const sheet = consultant.getByTestId('record-status-careSheet');
      await expect(sheet).toHaveAttribute('role', 'alert');
      if ((await sheet.getAttribute('data-state')) === 'failed')
        await expect(sheet).toContainText('son dossier est scellé');
    }
  } finally {
    await consultant.context().close();
  }

  // The record: the first version whole, the latest shown, the history listed.
  const detail = await api<ConsultationDetail>('consultation.get', { id: started.id });
  const reports = (detail.versions ?? []).filter((v) => v.kind === 'report');
  expect(reports[0]).toMatchObject({ version: 1, report: FULL });
  expect(reports.at(-1)?.report).toMatchObject({ reason: FULL.reason, findings: FULL.findings });
  expect(detail.careSheet).toBeNull();
  const audit = await api<{ action: string; actor: string; consultationId: string | null }[]>(
    'audit.list',
    {},
  );
  const versionsAudited = audit.filter(
    (a) => a.consultationId === started.id && a.action === 'report.version',
  );
  expect(versionsAudited).toHaveLength(reports.length);
  for (const row of versionsAudited) expect(row.actor).toMatch(/^consultant:[A-Za-z0-9_-]{16,64}$/);

  await station.getByTestId('nav-records').click();
  await station
    .locator(`[data-testid="records-item"][data-id="${started.id}"]`)
    .getByTestId('records-open')
    .click();
  await expect(station.getByTestId('record-report')).toContainText(FULL.reason);
  await expect(station.getByTestId('record-version-report-1')).toBeVisible();

  // The PDF prints the latest version, whole, and says when it was amended.
  const download = station.waitForEvent('download', { timeout: 20_000 });
  await station.getByTestId('export-report-pdf').click();
  const pdf = await readFile(await (await download).path());
  const text = plainText(parsePdfs([new Uint8Array(pdf)])[0]);
  for (const part of [FULL.reason, FULL.findings, FULL.prescriptions]) expect(text).toContain(part);
  if (reports.length > 1) expect(text).toMatch(/Version 2, amended on|Version 2, modifiée le/);
  else expect(text).toContain(FULL.conclusion);
  await station.context().close();
});
