import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { startSimulatedDevice, type SimulatedDevice } from '../../src/core/sim/simulated-device';
import { describeFindings, findingsIn, textsOnScreen } from './a11y/french-words';
import { KIOSK_PIN, StationState } from './a11y/station-state';
import { contextOptions, LAPTOP, WALL, type Size } from './a11y/variants';
import { callHostApi, startCoturn, type Coturn } from './call-turn';
import { openWorkspaceTab } from './consultant-workspace';
import { startStationHost, type StationHost } from './station-host';

/**
 * Issue 15 item 3: a French nurse and a French doctor walk every screen, and each screen's visible
 * text and its attribute text (aria-label, title, placeholder, alt…) must hold no English word from
 * a known list and no raw code (see a11y/french-words.ts, its allow-list commented there). The
 * station: live screen, consultation start form (and its errors), active consultation with the call
 * panel open and folded, records list and detail, the equipment check run, settings locked and
 * unlocked, the language switch's confirmation. The doctor: waiting, in the call (vitals, trends,
 * ECG tools, record and care sheet, patient and chat), the consultation ended, the report-only
 * page. The errors a French user meets: a used invite, a second doctor in the room, a bad link, a
 * device unplugged, copying the link refused, the check with coturn stopped.
 *
 * Each screen is captured as a test artifact; the findings name screen, element and text.
 */
let host: StationHost;
let coturn: Coturn;
let unpluggable: SimulatedDevice;
let state: StationState;
const contexts: BrowserContext[] = [];

test.describe.configure({ mode: 'serial' });
// Real calls, three simulated devices and a check on a loaded 2-core machine.
test.setTimeout(300_000);

test.beforeAll(async () => {
  coturn = await startCoturn();
  // The host reads the TURN secret from its environment only (never a command line).
  process.env['STATION_TURN_SECRET'] = coturn.secret;
  try {
    host = await startStationHost(['--simulate', 'contec-cms50-v7,openbci-cyton,philips-intellivue-mib']);
  } finally {
    delete process.env['STATION_TURN_SECRET'];
  }
  state = new StationState(host.url);
  await callHostApi(host.url, 'settings.update', { turnUrls: [coturn.url], operatorName: 'Inès Morel' });
  // One device of the test's own, so it can be unplugged.
  unpluggable = await startSimulatedDevice('contec-cms50-v7', { seed: 5 });
  await callHostApi(host.url, 'devices.connect', { path: unpluggable.path, protocol: unpluggable.protocol });
});

test.afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close();
  await host?.stop();
  await unpluggable?.stop();
  await coturn?.stop();
});

async function frenchPage(browser: Browser, size: Size = WALL): Promise<Page> {
  const context = await browser.newContext(contextOptions({ size, lang: 'fr' }));
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  return page;
}

/** Collects the screen's findings (checked at the end of the test) and keeps its screenshot. */
class Walk {
  readonly findings: string[] = [];
  readonly screens: string[] = [];

  constructor(private readonly testInfo: TestInfo) {}

  async screen(page: Page, name: string): Promise<void> {
    // Let the last render settle (a status appearing, a font) before reading what is shown.
    await page.waitForTimeout(300);
    const texts = await textsOnScreen(page);
    this.findings.push(...describeFindings(name, findingsIn(texts)));
    this.screens.push(`${name} (${texts.length} texts)`);
    const path = this.testInfo.outputPath(`${name.replace(/[^\p{L}\d]+/gu, '-')}.png`);
    await page.screenshot({ path, fullPage: true });
    await this.testInfo.attach(name, { path, contentType: 'image/png' });
  }

  check(): void {
    console.log(`walked: ${this.screens.join('; ')}`);
    expect(
      this.findings,
      `English words or raw codes on French screens:\n${this.findings.join('\n')}`,
    ).toEqual([]);
  }
}

/** Types the PIN until the settings open (a wrong PIN before makes the gate wait a little). */
async function unlock(page: Page): Promise<void> {
  await page.getByTestId('pin-gate-input').fill(KIOSK_PIN);
  await expect(async () => {
    await page.getByTestId('pin-gate-unlock').click();
    await expect(page.getByTestId('settings-form')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

const stationAt = (fragment: string): string => `${host.url}#${fragment}`;

test('the station in French: every screen', async ({ browser }, testInfo) => {
  const walk = new Walk(testInfo);
  const page = await frenchPage(browser);

  await state.noActiveConsultation();
  await page.goto(stationAt('station'));
  await expect(page.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2').first()).toHaveText(/\d/, {
    timeout: 20_000,
  });
  await expect(page.getByTestId('bp-value').first()).toHaveText(/^\d+\/\d+ mmHg$/, { timeout: 30_000 });
  await walk.screen(page, 'live screen');

  await page.goto(stationAt('consultation'));
  await expect(page.getByTestId('consultation-start-form')).toBeVisible();
  await walk.screen(page, 'consultation start form');
  await page.getByTestId('consultation-start').click();
  await expect(page.getByTestId('consultation-form-errors')).toBeVisible();
  await walk.screen(page, 'consultation start form, errors');

  await state.activeConsultation();
  await page.reload();
  await expect(page.getByTestId('consultation-active')).toBeVisible({ timeout: 15_000 });
  await walk.screen(page, 'active consultation');

  await state.recordedConsultation();
  await page.goto(stationAt('records'));
  await expect(page.getByTestId('records-item').first()).toBeVisible({ timeout: 15_000 });
  await walk.screen(page, 'records list');
  await page.getByTestId('records-item').first().getByTestId('records-open').click();
  await expect(page.getByTestId('record-detail')).toBeVisible();
  await walk.screen(page, 'record detail');

  await page.goto(stationAt('check'));
  await page.getByTestId('check-run').click();
  await expect(page.getByTestId('check-summary')).toBeVisible({ timeout: 45_000 });
  await walk.screen(page, 'equipment check');

  await state.pinSet();
  try {
    await page.goto(stationAt('settings'));
    await expect(page.getByTestId('pin-gate')).toBeVisible();
    await walk.screen(page, 'settings locked');
    await page.getByTestId('pin-gate-input').fill('0000');
    await page.getByTestId('pin-gate-unlock').click();
    await expect(page.getByTestId('pin-gate-feedback-error')).toBeVisible();
    await walk.screen(page, 'settings locked, wrong PIN');
    await unlock(page);
    await walk.screen(page, 'settings unlocked');

    // The nurse switches the station from English to French: the confirmation is in French.
    await callHostApi(host.url, 'settings.update', { language: 'en' });
    await page.reload();
    await page.getByTestId('pin-gate').or(page.getByTestId('settings-form')).first().waitFor();
    if (await page.getByTestId('pin-gate').isVisible()) await unlock(page);
    await page.locator('#setting-language').selectOption('fr');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-feedback-ok')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await walk.screen(page, 'settings, language switched to French');
  } finally {
    await callHostApi(host.url, 'settings.update', { language: 'system' });
    await state.pinCleared();
  }
  walk.check();
});

/** The station's call as a nurse starts it; the link it shows for the doctor. */
async function stationInvites(station: Page, walk: Walk): Promise<string> {
  await station.goto(host.url);
  await station.getByTestId('call-open').click();
  await walk.screen(station, 'call setup');
  await station.getByTestId('call-start').click();
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  return station.getByTestId('invite-url').inputValue();
}

test('the call in French: the doctor’s page, every tab, and the errors on the way', async ({
  browser,
}, testInfo) => {
  const walk = new Walk(testInfo);
  await state.activeConsultation();

  // The doctor opened the link; the station is not in the call yet.
  const waiting = await frenchPage(browser, LAPTOP);
  await waiting.goto(await state.consultantInviteUrl());
  await expect(waiting.getByTestId('call-state')).toBeVisible({ timeout: 15_000 });
  await walk.screen(waiting, 'doctor waiting');
  await waiting.context().close();

  // The station's browser refuses the clipboard: "copy link" must say so in French.
  const station = await frenchPage(browser);
  await station.context().addInitScript(`Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
  })`);
  const link = await stationInvites(station, walk);
  await walk.screen(station, 'call panel, inviting');
  await station.getByTestId('invite-copy').click();
  await expect(station.getByTestId('invite-copy-hint')).toBeVisible();
  await walk.screen(station, 'call panel, copy link refused');

  const doctor = await frenchPage(browser, LAPTOP);
  await doctor.goto(link);
  for (const page of [station, doctor])
    await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
      timeout: 60_000,
    });
  await expect(doctor.locator('[data-testid^="device-group-"]')).toHaveCount(4, { timeout: 30_000 });
  await expect(doctor.getByTestId('bp-value')).toHaveText(/^\d+\/\d+ mmHg$/, { timeout: 75_000 });
  await walk.screen(doctor, 'doctor in call, vitals');
  await walk.screen(station, 'live screen in a call, call panel open');
  await station.getByTestId('call-panel-toggle').click();
  await walk.screen(station, 'live screen in a call, call panel folded');
  await station.getByTestId('call-panel-toggle').click();

  await openWorkspaceTab(doctor, 'record');
  await walk.screen(doctor, 'doctor, record and care sheet');
  await openWorkspaceTab(doctor, 'patient');
  await doctor.getByTestId('chat-input').fill('Bonjour, je vous entends bien.');
  await doctor.getByTestId('chat-send').click();
  await station.getByTestId('chat-input').fill('Bonjour docteur.');
  await station.getByTestId('chat-send').click();
  await expect(doctor.getByTestId('chat-line')).toHaveCount(2);
  await walk.screen(doctor, 'doctor, patient and chat');
  await expect(station.getByTestId('chat-line')).toHaveCount(2);
  await walk.screen(station, 'live screen in a call, chat');
  await openWorkspaceTab(doctor, 'trends');
  await expect(doctor.getByTestId('trend-chart-spo2')).toBeVisible({ timeout: 15_000 });
  await walk.screen(doctor, 'doctor, trends');
  await openWorkspaceTab(doctor, 'ecg');
  await expect(doctor.getByTestId('ecg-viewer-trace')).toHaveAttribute('data-rate-hz', /\d+/, {
    timeout: 15_000,
  });
  await doctor.getByTestId('ecg-freeze').click();
  await walk.screen(doctor, 'doctor, ECG viewer frozen');
  await doctor.getByTestId('ecg-freeze').click();

  // The same link again (forwarded, opened twice): refused as used.
  const again = await doctor.context().newPage();
  await again.goto(link);
  await expect(again.getByTestId('call-state')).toHaveAttribute('data-phase', 'ended', { timeout: 20_000 });
  await walk.screen(again, 'doctor, invite already used');
  await again.close();
  // A link whose token was damaged (cut short in a message): refused.
  const damaged = await frenchPage(browser, LAPTOP);
  await damaged.goto(link.replace(/.{6}$/, 'AAAAAA'));
  await expect(damaged.getByTestId('call-state')).toHaveAttribute('data-phase', 'ended', { timeout: 20_000 });
  await walk.screen(damaged, 'doctor, refused join (damaged link)');
  // A second doctor with a fresh link while the first is in the call.
  const second = await frenchPage(browser, LAPTOP);
  await second.goto(await state.consultantInviteUrl());
  await expect(second.getByTestId('call-state')).toBeVisible({ timeout: 15_000 });
  await second.waitForTimeout(3000);
  await walk.screen(second, 'second doctor, room full');
  await second.context().close();

  // The nurse's oximeter is unplugged during the call.
  await unpluggable.unplug();
  await expect(station.locator('[data-testid^="group-state-"][data-state="disconnected"]')).toHaveCount(1, {
    timeout: 30_000,
  });
  await walk.screen(station, 'live screen in a call, device disconnected');
  // The doctor's page says it once the station's device facts arrive; a starved page may first
  // read the silent device as stale: either is the screen a doctor then sees.
  await expect(
    doctor.locator(
      '[data-testid^="doctor-device-state-"][data-state="disconnected"], [data-testid^="doctor-device-state-"][data-state="stale"]',
    ),
  ).toHaveCount(1, { timeout: 60_000 });
  await walk.screen(doctor, 'doctor, device disconnected');

  // The nurse ends the consultation: the doctor's page turns to the report only.
  await station.getByTestId('nav-consultation').click();
  await station.getByTestId('consultation-end').click();
  await walk.screen(station, 'end consultation dialog');
  await station.getByTestId('consultation-end-dialog-confirm').click();
  await expect(doctor.getByTestId('report-only-notice')).toBeVisible({ timeout: 30_000 });
  await walk.screen(doctor, 'doctor, consultation ended');
  await walk.screen(station, 'call panel, call ended');

  // Later, from the records, a link to write the report only.
  await station.goto(stationAt('records'));
  await station.getByTestId('records-item').first().getByTestId('records-open').click();
  await station.getByTestId('record-report-link-issue').click();
  const reportLink = await station.getByTestId('record-report-link-url').inputValue();
  await walk.screen(station, 'record detail, report link');
  const later = await frenchPage(browser, LAPTOP);
  await later.goto(reportLink);
  await expect(later.getByTestId('report-only-page')).toBeVisible({ timeout: 30_000 });
  await expect(later.getByTestId('record-send-report')).toBeVisible({ timeout: 30_000 });
  await walk.screen(later, 'report-only page');
  walk.check();
});

test('the equipment check in French with coturn stopped', async ({ browser }, testInfo) => {
  const walk = new Walk(testInfo);
  await coturn.stop();
  const page = await frenchPage(browser);
  await page.goto(stationAt('check'));
  await page.getByTestId('check-run').click();
  await expect(page.getByTestId('check-summary')).toHaveAttribute('data-status', 'fail', { timeout: 45_000 });
  await walk.screen(page, 'equipment check, TURN down');
  walk.check();
});
