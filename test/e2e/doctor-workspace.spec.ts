import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { deviceNameOf } from '../../src/shared/i18n/device-names';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { runAxe, formatFindings } from './a11y/axe-audit';
import { settled } from './a11y/layout-probes';
import { contextOptions, LANGS, LAPTOP, TABLET, WALL, type Lang, type Size } from './a11y/variants';
import { callHostApi } from './call-turn';
import { openWorkspaceTab } from './consultant-workspace';
import { expectVitalsInViewport, measureVitals } from './doctor-vitals';
import { startStationHost, stationPageUrl, type StationHost } from './station-host';

/** The wall screen first (the context opens at its size), then resized down to the laptop and the tablet. */
const SIZES: readonly Size[] = [WALL, LAPTOP, TABLET];

/**
 * The doctor's workspace (issue 15 item 2) in a real call with three simulated devices (an
 * oximeter, a 3-lead ECG and a monitor whose cuff gives a BP result), at 1920×1080, 1366×768 and
 * 1280×800 (item 5; one call per language, resized between sizes) in English and French: every vital inside the viewport without scrolling, devices named from the
 * catalogue with their state and SIMULATED, the patient's age, "Start measurement" absent (no
 * simulated device can start one), the record's Notes heading clear of anything else, axe-core
 * without a violation, and the doctor's own mute, camera-off and full screen doing what they say
 * (the tracks, the station's page, the document's full-screen element). Screenshots are kept as
 * test artifacts.
 */
const DEVICES = ['contec-cms50-v7', 'philips-intellivue-mib', 'openbci-cyton'] as const;
const SIMULATED: Record<Lang, string> = { en: 'SIMULATED', fr: 'SIMULATION' };
const NOTES: Record<Lang, string> = { en: 'Notes', fr: 'Notes' };

let host: StationHost;
/** When the station recorded the consent: the consultation's day, from which the age counts. */
let consentAt: string;

test.describe.configure({ mode: 'serial' });
test.use({ timezoneId: 'UTC' });

test.beforeAll(async () => {
  host = await startStationHost(['--simulate', DEVICES.join(',')]);
  const started = (await callHostApi(host.url, 'consultation.start', CONSULTATION_START)) as {
    consent: { recordedAt: string };
  };
  consentAt = started.consent.recordedAt;
});

test.afterAll(async () => {
  const code = await host?.stop();
  expect(code, `host did not shut down cleanly:\n${host?.output()}`).toBe(0);
});

const probe = (expression: string): string =>
  `(() => { const p = window.__callProbe; return ${expression}; })()`;

/** Whole years from the date of birth to the consultation's (UTC) day, counted here by hand. */
function expectedAgeYears(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const day = new Date(on);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

interface Call {
  readonly station: Page;
  readonly consultant: Page;
  close(): Promise<void>;
}

async function startCall(browser: Browser, lang: Lang): Promise<Call> {
  const stationContext = await browser.newContext({ timezoneId: 'UTC' });
  const consultantContext = await browser.newContext({
    ...contextOptions({ size: SIZES[0] ?? LAPTOP, lang }),
    timezoneId: 'UTC',
  });
  const station = await stationContext.newPage();
  await station.goto(stationPageUrl(host.url, { query: 'probe=1' }));
  await station.getByTestId('call-open').click();
  await station.getByTestId('setup-instrument').selectOption('default');
  await station.getByTestId('setup-stethoscope').selectOption('default');
  await station.getByTestId('call-start').click();
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  const link = await station.getByTestId('invite-url').inputValue();
  const [base, fragment] = link.split('#') as [string, string];
  const consultant = await consultantContext.newPage();
  // Page errors and warnings in the test's output: a call that never connects says why.
  consultant.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.log(`doctor: ${message.text()}`);
  });
  consultant.on('pageerror', (error) => console.log(`doctor page error: ${error.message}`));
  await consultant.goto(`${base}?probe=1#${fragment}`);
  for (const page of [station, consultant])
    await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
      timeout: 60_000,
    });
  return {
    station,
    consultant,
    async close() {
      await stationContext.close();
      await consultantContext.close();
    },
  };
}

async function vitalsArrived(page: Page): Promise<void> {
  await expect(page.locator('[data-testid^="device-group-"]')).toHaveCount(DEVICES.length, {
    timeout: 30_000,
  });
  // Each device shows its state (streaming here on a quiet machine; a starved page may read stale).
  for (const protocol of DEVICES) {
    const group = page.locator(`[data-testid^="device-group-${protocol}@"]`);
    await expect(group.locator('[data-testid^="doctor-device-state-"]')).toHaveAttribute(
      'data-state',
      /^(streaming|disconnected|probe-off|searching|stale)$/,
      { timeout: 30_000 },
    );
  }
  // The monitor's cuff runs once a minute: a result from before this consultation (the previous
  // test's) is held on the station as pending, never sent, so the next cycle is the one shown.
  await expect(page.getByTestId('bp-value')).toHaveText(/^\d+\/\d+ mmHg$/, { timeout: 75_000 });
  // The station's device facts (SIMULATED) follow its device list: on a busy machine, not at once.
  await expect(page.locator('[data-testid^="group-simulated-"]')).toHaveCount(DEVICES.length, {
    timeout: 30_000,
  });
}

async function checkLayout(call: Call, size: Size, lang: Lang, testInfo: TestInfo): Promise<void> {
  const page = call.consultant;
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.evaluate(settled);
  const label = `${size.name}-${lang}`;

  // Every vital inside the viewport, and the vitals' column not scrolling.
  await expectVitalsInViewport(page, size, label);
  const page_ = await page.evaluate<{
    scrollHeight: number;
    clientHeight: number;
    scrollWidth: number;
    clientWidth: number;
  }>(
    `({ scrollHeight: document.documentElement.scrollHeight, clientHeight: document.documentElement.clientHeight,
        scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })`,
  );
  expect(page_.scrollHeight, `${label}: the page does not scroll`).toBeLessThanOrEqual(page_.clientHeight);
  expect(page_.scrollWidth, `${label}: nothing overflows sideways`).toBeLessThanOrEqual(page_.clientWidth);

  // Names from the catalogue, the state and SIMULATED on each device.
  for (const protocol of DEVICES) {
    const group = page.locator(`[data-testid^="device-group-${protocol}@"]`);
    await expect(group.locator('.device-group-name')).toHaveText(deviceNameOf(protocol, lang) as string);
    await expect(group.locator('[data-testid^="group-simulated-"]')).toHaveText(SIMULATED[lang]);
  }
  await expect(page.getByTestId('consultant-simulated')).toHaveText(SIMULATED[lang]);

  // The patient's age on the consultation's day.
  const years = expectedAgeYears(CONSULTATION_START.patient.birthDate, consentAt);
  await expect(page.getByTestId('consultant-patient-age')).toHaveText(
    lang === 'en' ? `${years} years old` : `${years} ans`,
  );
  // No simulated device starts a measurement: the button is not offered.
  await expect(page.getByTestId('measure-request')).toHaveCount(0);

  await page.screenshot({ path: testInfo.outputPath(`doctor-${label}.png`) });

  // The record, opened under the video: its Notes heading in sight and drawn over by nothing.
  // Open already on a tall window (the tabs fold below 900 px of height): opened only if it is not.
  await openWorkspaceTab(page, 'record');
  const notes = page.getByRole('heading', { name: NOTES[lang], exact: true });
  await notes.scrollIntoViewIfNeeded();
  await expect(notes).toBeInViewport();
  const box = await notes.boundingBox();
  expect(box, `${label}: Notes heading laid out`).not.toBeNull();
  const drawnOnTop = await page.evaluate<string | null>(
    `document.elementFromPoint(${box!.x + box!.width / 2}, ${box!.y + box!.height / 2})?.closest('h2, h3')?.textContent ?? null`,
  );
  expect(drawnOnTop, `${label}: nothing drawn over the Notes heading`).toBe(NOTES[lang]);
  // With the record open, the vitals are all still in sight.
  for (const box of (await measureVitals(page)).boxes)
    expect(box.bottom, `${label} (record open): ${box.device} ${box.name}`).toBeLessThanOrEqual(size.height);
  await page.screenshot({ path: testInfo.outputPath(`doctor-${label}-record.png`) });
  // axe once per size, with the record open: the page at its fullest (one run costs tens of
  // seconds on a busy machine).
  const axe = await runAxe(page);
  const findings = [...axe.blocking, ...axe.other];
  expect(findings, `${label} axe:\n${formatFindings(findings)}`).toEqual([]);
  await page.getByTestId('workspace-hide').click();
  await expect(page.getByTestId('workspace-panel-record')).toBeHidden();
}

async function checkOwnControls(call: Call, lang: Lang): Promise<void> {
  const { consultant, station } = call;
  const trackEnabled = (kind: 'Audio' | 'Video'): Promise<boolean> =>
    consultant.evaluate<boolean>(
      probe(`p.consultant.localStream.getSnapshot().get${kind}Tracks()[0].enabled`),
    );
  expect(await trackEnabled('Audio')).toBe(true);

  await consultant.getByTestId('own-mic').click();
  await expect(consultant.getByTestId('own-mic')).toHaveAttribute('aria-pressed', 'true');
  expect(await trackEnabled('Audio')).toBe(false);
  await expect(station.getByTestId('peer-av-doctor')).toHaveAttribute('data-mic-muted', 'true');
  await expect(station.getByTestId('peer-av-doctor')).toBeVisible();

  await consultant.getByTestId('own-camera').click();
  expect(await trackEnabled('Video')).toBe(false);
  await expect(station.getByTestId('peer-av-doctor')).toHaveAttribute('data-camera-off', 'true');

  await consultant.getByTestId('own-mic').click();
  await consultant.getByTestId('own-camera').click();
  expect(await trackEnabled('Audio')).toBe(true);
  expect(await trackEnabled('Video')).toBe(true);
  await expect(station.getByTestId('peer-av-doctor')).toBeHidden();

  // Full screen is the patient's video (the stage); the toolbar is outside it, so a button inside the
  // stage leaves it.
  const fullScreenElement = probe(`document.fullscreenElement?.dataset.testid ?? null`);
  await consultant.getByTestId('own-fullscreen').click();
  await expect.poll(() => consultant.evaluate<string | null>(fullScreenElement)).toBe('consultant-stage');
  await consultant.getByTestId('stage-exit-fullscreen').click();
  await expect.poll(() => consultant.evaluate<string | null>(fullScreenElement)).toBe(null);

  // The nurse mutes the station: the doctor's page says so over the picture.
  await station.getByTestId('toggle-mic').click();
  const stationAv = consultant.getByTestId('peer-av-station');
  await expect(stationAv).toHaveAttribute('data-mic-muted', 'true');
  await expect(stationAv).toHaveText(
    lang === 'en' ? 'Patient side: microphone off' : 'Côté patient\u202f: micro coupé',
  );
  await station.getByTestId('toggle-camera').click();
  await expect(stationAv).toHaveAttribute('data-camera-off', 'true');
  await station.getByTestId('toggle-mic').click();
  await station.getByTestId('toggle-camera').click();
  await expect(stationAv).toBeHidden();
}

for (const lang of LANGS)
  test(`${lang}: every vital in sight at 1920×1080, 1366×768 and 1280×800, names, state, SIMULATED, age, own controls`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(600_000);
    const call = await startCall(browser, lang);
    try {
      await vitalsArrived(call.consultant);
      for (const size of SIZES) await test.step(size.name, () => checkLayout(call, size, lang, testInfo));
      await test.step('own controls', () => checkOwnControls(call, lang));
    } finally {
      await call.close();
    }
  });
