import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { auditScreen } from './a11y/audit-screen';
import { withVariantPage, waitForMarker } from './a11y/screen-page';
import { STATION_SCREENS, type StationScreenState } from './a11y/station-screens';
import { StationState } from './a11y/station-state';
import { writeSummary } from './a11y/summary';
import {
  CONSULTANT_SIZES,
  LANGS,
  LAPTOP,
  STATION_SIZES,
  variantLabel,
  variants,
  type Lang,
} from './a11y/variants';
import { startStationHost, type StationHost } from './station-host';

/**
 * Issue 7's screen matrix: every screen state × {wall 1920×1080, laptop 1366×768, touch tablet
 * 1280×800} × {en, fr} (the consultant page at 1366×768 and 1920×1080), each captured full-page
 * under `test-results/screens/` and checked with axe-core (WCAG 2.1 A/AA: zero serious or critical),
 * `<html lang>`, no horizontal scrollbar and, on the tablet, 48×48 px touch targets.
 *
 * One host per worker (a simulated oximeter streaming); each test puts the backend in its state
 * through the API, then opens one fresh context per variant. Tests are independent, so a worker
 * restarted after a failure (fresh host) prepares its state again.
 */
let host: StationHost;
let state: StationState;

// Every test prepares its own backend state, so with `--workers 2` each worker (its own host) can
// take any test; with the default single worker they run in the order below.
test.describe.configure({ mode: 'parallel' });

test.beforeAll(async () => {
  host = await startStationHost(['--simulate']);
  state = new StationState(host.url);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads fixtures from a destructured first argument
test.afterAll(async ({}, testInfo) => {
  await host?.stop();
  const summary = writeSummary(testInfo.project.outputDir);
  if (summary !== null) console.log(`screen findings: ${summary}`);
});

const READY_TIMEOUT_MS = 10_000;
const CONNECTED_TIMEOUT_MS = 20_000;

/** The page is connected to the host (the header's connection state), whatever the screen. */
async function stationConnected(page: Page): Promise<string | null> {
  return waitForMarker(
    'connection-open',
    page.locator('[data-testid="connection-state"][data-state="open"]'),
    READY_TIMEOUT_MS,
  );
}

async function shownWhenWrong(screen: StationScreenState, page: Page): Promise<string | null> {
  const wrong = screen.mustNotShow?.(page);
  if (wrong === undefined || !(await wrong.first().isVisible())) return null;
  return `wrong state: ${String(wrong)} is shown`;
}

function stationScreenTest(name: string): void {
  const screen = STATION_SCREENS.find((s) => s.name === name);
  if (screen === undefined) throw new Error(`no station screen state named ${name}`);
  test(`${screen.name}: screenshots, axe, lang, overflow, touch targets`, async ({ browser }, testInfo) => {
    test.setTimeout(150_000);
    const own = await screen.ownHost?.();
    const url = own?.url ?? host.url;
    const screenState = own === undefined ? state : new StationState(own.url);
    try {
      await screen.prepare?.(screenState);
      for (const variant of variants(STATION_SIZES)) {
        await test.step(variantLabel(variant), () =>
          withVariantPage(browser, variant, async (page, pageErrors) => {
            await page.goto(`${url}#${screen.fragment}`);
            const notConnected = await stationConnected(page);
            await screen.reach?.(page);
            const notReady =
              (await waitForMarker(
                screen.name,
                screen.marker(page),
                screen.markerTimeoutMs ?? READY_TIMEOUT_MS,
              )) ?? notConnected;
            const wrongState = await shownWhenWrong(screen, page);
            await auditScreen(page, testInfo, screen.name, variant, notReady ?? wrongState);
            expect
              .soft(pageErrors, `${screen.name}-${variantLabel(variant)}: uncaught page errors`)
              .toEqual([]);
          }),
        );
      }
    } finally {
      await screen.restore?.(screenState);
      await own?.stop();
    }
  });
}

/** The station's side of a call, as a nurse starts it (see call.spec.ts); returns the invite link. */
async function stationInvites(page: Page): Promise<string> {
  await page.goto(host.url);
  // Short waits: a call panel that never offers the call should fail the test, not time it out.
  const quick = { timeout: 10_000 };
  await page.getByTestId('call-open').click(quick);
  await page.getByTestId('setup-instrument').selectOption('default', quick);
  await page.getByTestId('setup-stethoscope').selectOption('default', quick);
  await page.getByTestId('call-start').click(quick);
  await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  return page.getByTestId('invite-url').inputValue();
}

const videoWidth = `document.querySelector('[data-testid="patient-video"]').videoWidth`;

/** One call per language (the language is a context option); the consultant page is resized. */
async function consultantInCall(browser: Browser, lang: Lang, testInfo: TestInfo): Promise<void> {
  const stationContext = await browser.newContext();
  try {
    const link = await stationInvites(await stationContext.newPage());
    await withVariantPage(browser, { size: LAPTOP, lang }, async (consultant, pageErrors) => {
      await consultant.goto(link);
      const notReady = await waitForMarker(
        'consultant-connected',
        consultant.locator('[data-testid="call-state"][data-phase="connected"]'),
        CONNECTED_TIMEOUT_MS,
      );
      if (notReady === null)
        await expect.poll(() => consultant.evaluate<number>(videoWidth)).toBeGreaterThan(0);
      for (const size of CONSULTANT_SIZES) {
        await consultant.setViewportSize({ width: size.width, height: size.height });
        await auditScreen(consultant, testInfo, 'consultant-call', { size, lang }, notReady);
      }
      expect.soft(pageErrors, `consultant-call-${lang}: uncaught page errors`).toEqual([]);
    });
  } finally {
    await stationContext.close();
  }
}

stationScreenTest('station');
stationScreenTest('consultation-start');
stationScreenTest('consultation-active');

test('consultant-waiting: the doctor opened the link, the station is not in the call yet', async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  await state.activeConsultation(); // no consent, no call
  for (const variant of variants(CONSULTANT_SIZES)) {
    await test.step(variantLabel(variant), async () => {
      const link = await state.consultantInviteUrl(); // single use: one per page
      await withVariantPage(browser, variant, async (page, pageErrors) => {
        await page.goto(link);
        const notReady = await waitForMarker(
          'consultant-waiting',
          page.getByTestId('call-state'),
          READY_TIMEOUT_MS,
        );
        await auditScreen(page, testInfo, 'consultant-waiting', variant, notReady);
        expect
          .soft(pageErrors, `consultant-waiting-${variantLabel(variant)}: uncaught page errors`)
          .toEqual([]);
      });
    });
  }
});

test('consultant-call: connected to the station with video and vitals', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  await state.activeConsultation();
  for (const lang of LANGS) {
    await test.step(lang, () => consultantInCall(browser, lang, testInfo));
  }
});

stationScreenTest('records-list');
stationScreenTest('record-detail');
stationScreenTest('check');
stationScreenTest('settings-locked');
stationScreenTest('settings');
