import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startStationHost, type StationHost } from './station-host';
import { openWorkspaceTab } from './consultant-workspace';

/**
 * A whole consultation on the real Node host, a simulated oximeter and two real Chromium contexts:
 * no consent → no call; start with consent → readings stream → the doctor joins, sees who the
 * patient is, takes a snapshot, sends the report and the care sheet; the station records the
 * stethoscope, ends the consultation, and finds all of it in the records, with exports.
 */
let host: StationHost;

/** `<what>-<day the consultation started>-<family name, plain ASCII>.<extension>` */
const EXPORT_FILE_NAMES = [
  ['fhir-json', /^consultation-fhir-\d{4}-\d\d-\d\d-dupont\.json$/],
  ['care-sheet-json', /^care-sheet-\d{4}-\d\d-\d\d-dupont\.json$/],
  ['report-pdf', /^consultation-\d{4}-\d\d-\d\d-dupont\.pdf$/],
  ['care-sheet-pdf', /^care-sheet-\d{4}-\d\d-\d\d-dupont\.pdf$/],
] as const;

/** Far above an empty file or an error page: a PDF page with fonts, a bundle with readings. */
const MIN_EXPORT_BYTES: Readonly<Record<string, number>> = {
  'fhir-json': 5_000,
  'care-sheet-json': 200,
  'report-pdf': 5_000,
  'care-sheet-pdf': 2_000,
};

interface FhirBundle {
  readonly resourceType: string;
  readonly entry: readonly {
    readonly resource: { readonly resourceType: string; readonly name?: readonly { family?: string }[] };
  }[];
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startStationHost(['--simulate']);
});

test.afterAll(async () => {
  await host?.stop();
});

async function fillPatient(page: Page): Promise<void> {
  await page.locator('#consult-familyName').fill('Dupont');
  await page.locator('#consult-givenNames').fill('Marie');
  await page.locator('#consult-birthDate').fill('1985-05-12');
  await page.locator('#consult-sex').selectOption('female');
  await page.locator('#consult-ins').fill('2 85 05 78 006 084 41');
  // Qualified only with what the operator checked: the document, and where the INS came from.
  await page.locator('#consult-identityStatus').selectOption('qualified');
  await expect(page.locator('#consult-identityDocument')).toBeVisible();
  await expect(page.locator('#consult-insSource')).toBeVisible();
  await page.locator('#consult-identityDocument').selectOption('CN');
  await page.locator('#consult-insSource').selectOption('INSI');
  await page.locator('#consult-birthPlace').fill('78006');
  await page.getByTestId('accompanying-present').check();
  await page.locator('#consult-accompanyingName').fill('Léa Garnier');
  await page.locator('#consult-accompanyingRole').selectOption('nurse');
  await page.locator('#consult-recordedBy').fill('Léa Garnier');
}

async function openConsultant(browser: Browser, station: Page): Promise<Page> {
  await station.getByTestId('call-open').click();
  await station.getByTestId('setup-instrument').selectOption('default');
  await station.getByTestId('setup-stethoscope').selectOption('default');
  await station.getByTestId('call-start').click();
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  const link = await station.getByTestId('invite-url').inputValue();
  const consultant = await (await browser.newContext()).newPage();
  await consultant.goto(link);
  for (const page of [station, consultant]) {
    await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
      timeout: 15_000,
    });
  }
  return consultant;
}

test('a consultation from consent to records: call, snapshot, stethoscope, report, care sheet, exports', async ({
  browser,
}) => {
  const station = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await station.goto(host.url);

  // No consultation, no call: the button is disabled and the way to start one is offered.
  await expect(station.getByTestId('call-open')).toBeDisabled();
  await expect(station.getByTestId('consultation-banner')).toHaveAttribute('data-active', 'false');
  await station.getByTestId('call-gate-start').click();

  // Without consent to the teleconsultation the form refuses, and says so beside the box.
  await fillPatient(station);
  await station.getByTestId('consultation-start').click();
  await expect(station.getByTestId('error-consentTeleconsultation')).toBeVisible();
  await expect(station.getByTestId('consultation-active')).toHaveCount(0);

  await station.getByTestId('consent-teleconsultation').check();
  await station.getByTestId('consent-device-data').check();
  await station.getByTestId('consultation-start').click();
  await expect(station.getByTestId('consultation-active')).toBeVisible();
  await expect(station.getByTestId('consultation-patient')).toContainText('DUPONT Marie');

  // Readings stream on the live screen, under the consultation's banner.
  await station.getByTestId('nav-station').click();
  await expect(station.getByTestId('consultation-banner')).toHaveAttribute('data-active', 'true');
  await expect(station.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2').first()).toHaveText(/^\d+$/);

  const consultant = await openConsultant(browser, station);
  try {
    // The doctor sees who the patient is and what was consented to, and the same readings.
    await expect(consultant.getByTestId('consultant-patient-name')).toHaveText('DUPONT Marie');
    await expect(consultant.getByTestId('consultant-consent')).toHaveAttribute('data-device-data', 'true');
    await expect(consultant.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2').first()).toHaveText(/^\d+$/);
    // The oximeter is our simulator: the doctor's page says so, as the station does.
    await expect(consultant.getByTestId('consultant-simulated')).toHaveText('SIMULATED');
    await expect(consultant.locator('[data-testid^="group-simulated-"]').first()).toHaveText('SIMULATED');

    await station.getByTestId('toggle-instrument').click();
    await consultant.getByTestId('snapshot-request').click();
    await expect(consultant.locator('[data-testid="snapshot-gallery"] img')).toHaveCount(1);
    await openWorkspaceTab(consultant, 'patient');
    await consultant.getByTestId('chat-input').fill('Respirez profondément');
    await consultant.getByTestId('chat-send').click();
    await expect(station.getByTestId('chat-log')).toContainText('Respirez profondément');

    // The station's own snapshot and a 5 s stethoscope recording (Chromium's fake input beeps).
    await station.getByTestId('station-snapshot').click();
    await expect(station.getByTestId('recording-status')).toHaveAttribute('data-kind', 'snapshot-saved');
    await station.getByTestId('stethoscope-duration').selectOption('5');
    await station.getByTestId('stethoscope-record').click();
    await expect(station.getByTestId('recording-status')).toHaveAttribute('data-kind', 'recording-saved', {
      timeout: 20_000,
    });

    // A bad RPPS never leaves the doctor's page; a good one is saved on the station.
    await openWorkspaceTab(consultant, 'record');
    await consultant.getByTestId('record-doctorName').fill('Dr Claire Martin');
    await consultant.getByTestId('record-doctorRpps').fill('123');
    await consultant.getByTestId('record-conclusion').fill('Bronchite aiguë probable');
    await consultant.getByTestId('record-send-report').click();
    await expect(consultant.getByTestId('record-doctorRpps')).toHaveAttribute('aria-invalid', 'true');
    await consultant.getByTestId('record-doctorRpps').fill('10001234567');
    await consultant.getByTestId('record-findings').fill('Sibilants diffus');
    await consultant.getByTestId('record-send-report').click();
    await expect(consultant.getByTestId('record-status-report')).toHaveAttribute('data-state', 'saved');
    // Beside a nurse: TLS, TLL or TLD only, each explained; the place of the act is asked.
    await expect(consultant.getByTestId('record-accompanyingAct').locator('option')).toHaveText([
      'None',
      'TLS — nurse beside the patient during planned nursing care',
      'TLL — nurse beside the patient in a place dedicated to teleconsultation',
      'TLD — nurse beside the patient at home, outside planned care',
    ]);
    await consultant.getByTestId('record-place').selectOption('nursing-home');
    await consultant.getByTestId('record-accompanyingAct').selectOption('TLS');
    await consultant.getByTestId('record-send-care-sheet').click();
    await expect(consultant.getByTestId('record-status-careSheet')).toHaveAttribute('data-state', 'saved');
    await consultant.getByTestId('record-note').fill('Revoir dans 48 h');
    await consultant.getByTestId('record-send-note').click();
    await expect(consultant.getByTestId('record-status-note')).toHaveAttribute('data-state', 'saved');

    await consultant.getByTestId('call-end').click();
    await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'ended');
  } finally {
    await consultant.context().close();
  }

  // The live timeline has it all; then the station closes the record.
  await station.getByTestId('nav-consultation').click();
  const timeline = station.getByTestId('timeline');
  for (const kind of ['consent', 'call', 'chat', 'media', 'note', 'report', 'care-sheet']) {
    await expect(timeline.locator(`[data-kind="${kind}"]`).first()).toBeVisible();
  }
  await expect(timeline).toContainText('Respirez profondément');
  await station.getByTestId('consultation-end').click();
  await station.getByTestId('consultation-end-dialog-confirm').click();
  await expect(station.getByTestId('consultation-start-form')).toBeVisible();
  await station.getByTestId('nav-station').click();
  await expect(station.getByTestId('call-new')).toBeVisible();

  // Records: the consultation, closed, with its snapshots, recording and report.
  await station.getByTestId('nav-records').click();
  const item = station.getByTestId('records-item').first();
  await expect(item).toHaveAttribute('data-status', 'ended');
  await expect(item.getByTestId('records-status')).toHaveText('Closed');
  await item.getByTestId('records-open').click();
  await expect(station.getByTestId('record-media-snapshot')).toHaveCount(2);
  await expect(station.locator('[data-testid="record-media-snapshot"] img')).toHaveCount(2);
  await expect(station.locator('[data-testid="record-media-stethoscope"] audio')).toHaveCount(1);
  const wavSeconds = await station.locator('[data-testid="record-media-stethoscope"] audio').evaluate(
    (audio: { duration: number; readyState: number }) =>
      new Promise<number>((done) => {
        const check = (): void => {
          if (audio.readyState >= 1 && Number.isFinite(audio.duration)) done(audio.duration);
          else setTimeout(check, 50);
        };
        check();
      }),
  );
  expect(wavSeconds).toBeCloseTo(5, 1);
  await expect(station.getByTestId('record-report')).toContainText('Bronchite aiguë probable');
  await expect(station.getByTestId('record-care-sheet')).toContainText('TCG + TLS');
  await expect(station.getByTestId('record-metrics')).toContainText('SpO₂');

  // Exports: all four download, named for what they are, the day and the patient, with real content.
  const files = new Map<string, Buffer>();
  for (const [format, name] of EXPORT_FILE_NAMES) {
    const download = station.waitForEvent('download', { timeout: 20_000 });
    await station.getByTestId(`export-${format}`).click();
    const file = await download;
    const status = station.locator(`[data-testid="export-status"][data-format="${format}"]`);
    await expect(status).toHaveAttribute('data-kind', 'done');
    expect(file.suggestedFilename(), format).toMatch(name);
    const bytes = await readFile(await file.path());
    expect(bytes.length, `${format}: ${bytes.length} bytes`).toBeGreaterThan(MIN_EXPORT_BYTES[format]);
    files.set(format, bytes);
  }
  for (const format of ['report-pdf', 'care-sheet-pdf']) {
    expect(files.get(format)?.subarray(0, 5).toString('latin1'), format).toBe('%PDF-');
  }
  const bundle = JSON.parse(files.get('fhir-json')?.toString('utf8') ?? '') as FhirBundle;
  expect(bundle.resourceType).toBe('Bundle');
  const patients = bundle.entry.map((entry) => entry.resource).filter((r) => r.resourceType === 'Patient');
  expect(patients).toHaveLength(1);
  expect(patients[0]?.name?.map((name) => name.family)).toContain('Dupont');
  const careSheet = files.get('care-sheet-json')?.toString('utf8') ?? '';
  expect(careSheet).toContain('"TLS"');
  expect(careSheet).toContain('10001234567');
  await station.context().close();
});
