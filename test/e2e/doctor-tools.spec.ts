import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { WCAG_TAGS } from './a11y/axe-audit';
import { settled } from './a11y/layout-probes';
import { contextOptions, DOCTOR_SIZES, LANGS, type Lang, type Size } from './a11y/variants';
import { callHostApi } from './call-turn';
import { openWorkspaceTab } from './consultant-workspace';
import { expectVitalsInViewport } from './doctor-vitals';
import { startStationHost, type StationHost } from './station-host';

/**
 * The doctor's tools in a real call (real host, simulators on real ptys, two Chromium contexts):
 * the trends drawn with their NEWS2 bands and "not a monitor"; the ECG viewer frozen, scrolled,
 * zoomed, and its calipers, moved by keyboard onto two consecutive R peaks, reading the simulated
 * R-R interval. The simulated ECG (OpenBCI Cyton, 250 Hz, leads I–III in mV) beats at a fixed
 * 75 /min: every R-R is 800 ms, 200 samples.
 *
 * Issue 15 item 5: at 1920×1080, 1366×768 and 1280×800, in English and in French, with every
 * vital's box inside the viewport while a tool is open, axe on each tool, and screenshots kept.
 * One call per language, the window resized between sizes: a call costs far more than a resize.
 */
const HEART_RATE_BPM = 75;
const RR_MS = 60_000 / HEART_RATE_BPM;
const RATE_HZ = 250;
const SAMPLE_MS = 1000 / RATE_HZ;

let host: StationHost;

test.describe.configure({ mode: 'serial' });
// A real call with three simulated devices, then the tools and axe at three sizes: minutes on a
// loaded 2-core machine, not the default minute.
test.setTimeout(600_000);

test.beforeAll(async () => {
  host = await startStationHost([
    '--simulate',
    'contec-cms50-v7,openbci-cyton,philips-intellivue-mib',
    '--simulate-heart-rate',
    String(HEART_RATE_BPM),
  ]);
  await callHostApi(host.url, 'consultation.start', CONSULTATION_START);
});

test.afterAll(async () => {
  await host?.stop();
});

interface CallPages {
  readonly station: Page;
  readonly consultant: Page;
  readonly pageErrors: string[];
  close(): Promise<void>;
}

async function startCall(browser: Browser, lang: Lang): Promise<CallPages> {
  const stationContext = await browser.newContext();
  const consultantContext = await browser.newContext(contextOptions({ size: DOCTOR_SIZES[0], lang }));
  const station = await stationContext.newPage();
  await station.goto(host.url);
  await station.getByTestId('call-open').click();
  await station.getByTestId('call-start').click();
  await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
  const link = await station.getByTestId('invite-url').inputValue();
  const consultant = await consultantContext.newPage();
  const pageErrors: string[] = [];
  consultant.on('pageerror', (error) => pageErrors.push(error.message));
  await consultant.goto(link);
  for (const page of [station, consultant])
    await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
      timeout: 15_000,
    });
  return {
    station,
    consultant,
    pageErrors,
    async close() {
      await stationContext.close();
      await consultantContext.close();
    },
  };
}

async function numberAttribute(locator: Locator, name: string): Promise<number> {
  return Number(await locator.getAttribute(name));
}

/**
 * Moves a time caliper by keyboard onto sample `target`: Page Up/Down by ten samples, then the
 * arrows by one, pressed in one go, then read back.
 */
async function moveCaliperTo(caliper: Locator, target: number): Promise<void> {
  await caliper.focus();
  const distance = target - (await numberAttribute(caliper, 'aria-valuenow'));
  const tens = Math.trunc(Math.abs(distance) / 10);
  const ones = Math.abs(distance) - tens * 10;
  for (let k = 0; k < tens; k++) await caliper.press(distance > 0 ? 'PageUp' : 'PageDown');
  for (let k = 0; k < ones; k++) await caliper.press(distance > 0 ? 'ArrowRight' : 'ArrowLeft');
  await expect(caliper).toHaveAttribute('aria-valuenow', String(target));
}

async function attachScreenshot(target: Page | Locator, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  if ('goto' in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
  await testInfo.attach(`${name}.png`, { path, contentType: 'image/png' });
}

/**
 * axe on the doctor's tools: no violation of any impact (the whole consultant page is audited by
 * screens.spec.ts at every size and language; auditing it again here costs minutes on a loaded machine).
 */
async function expectNoAxeViolation(page: Page, tool: 'trends' | 'ecg-viewer'): Promise<void> {
  const tools = await new AxeBuilder({ page })
    .include(`[data-testid="${tool}"]`)
    .withTags(WCAG_TAGS)
    .analyze();
  expect(
    tools.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

const NOT_A_MONITOR: Record<Lang, string> = {
  en: 'Not a monitor, no alarms',
  fr: 'Pas un moniteur, aucune alarme',
};

/** The tools at one size: the window resized, then the trends, then the ECG viewer and its calipers. */
async function checkTools(pages: CallPages, size: Size, lang: Lang, testInfo: TestInfo): Promise<void> {
  const { consultant } = pages;
  const label = `${size.name}-${lang}`;
  await consultant.setViewportSize({ width: size.width, height: size.height });
  await consultant.evaluate(settled);

  // The tools are tabs of the doctor's workspace, under the video.
  await openWorkspaceTab(consultant, 'trends');
  await expect(consultant.getByTestId('trends-not-monitor')).toHaveText(NOT_A_MONITOR[lang]);
  for (const chart of ['spo2', 'pulse']) {
    const figure = consultant.getByTestId(`trend-chart-${chart}`);
    await expect(figure).toBeVisible({ timeout: 15_000 });
    // Drawn with the scoring bands under the lines (SpO2: 3 bands; pulse: 5 in its range).
    await expect.poll(() => numberAttribute(figure, 'data-bands')).toBeGreaterThanOrEqual(3);
    await expect.poll(() => numberAttribute(figure, 'data-points')).toBeGreaterThanOrEqual(3);
    await expect(figure.locator('canvas')).toHaveCount(1);
  }
  await expectVitalsInViewport(consultant, size, `${label} (trends open)`, 12);
  await attachScreenshot(consultant.getByTestId('trends'), testInfo, `doctor-trends-${label}`);
  await expectNoAxeViolation(consultant, 'trends');

  await openWorkspaceTab(consultant, 'ecg');
  const trace = consultant.getByTestId('ecg-viewer-trace');
  await expect(trace).toHaveAttribute('data-rate-hz', String(RATE_HZ), { timeout: 15_000 });
  // Lead II by default; some seconds of it before freezing, so the view is full.
  await expect(consultant.getByTestId('ecg-lead')).toHaveValue(/MDC_ECG_ELEC_POTL_II$/);
  const position = consultant.getByTestId('ecg-position');
  await expect
    .poll(() => numberAttribute(position, 'max'), { timeout: 15_000 })
    .toBeGreaterThan(3 * 4 * RATE_HZ);
  const timeScale = await consultant.getByTestId('ecg-time-scale').inputValue();
  const amplitudeScale = await consultant.getByTestId('ecg-amplitude-scale').inputValue();

  await consultant.getByTestId('ecg-freeze').click();
  await expect(consultant.getByTestId('ecg-viewer')).toHaveAttribute('data-frozen', 'true');
  await expect(consultant.getByTestId('ecg-freeze')).toHaveAttribute('aria-pressed', 'true');
  // Frozen means frozen: the view does not move while samples keep arriving.
  const frozenFrom = await numberAttribute(trace, 'data-view-from');
  await consultant.waitForTimeout(600);
  expect(await numberAttribute(trace, 'data-view-from')).toBe(frozenFrom);

  const peaks = ((await trace.getAttribute('data-r-peaks')) ?? '').split(',').filter(Boolean).map(Number);
  expect(peaks.length).toBeGreaterThanOrEqual(3); // 4 s at 75 /min: 5 beats
  const [first, second] = [peaks[1], peaks[2]];
  await moveCaliperTo(consultant.getByTestId('ecg-caliper-a'), first);
  await moveCaliperTo(consultant.getByTestId('ecg-caliper-b'), second);
  const interval = consultant.getByTestId('ecg-interval');
  const ms = await numberAttribute(interval, 'data-ms');
  testInfo.annotations.push({
    type: 'R-R',
    description: `${label}: ${ms} ms measured (simulated ${RR_MS} ms)`,
  });
  expect(Math.abs(ms - RR_MS), `${label}: R-R to ±1 sample`).toBeLessThanOrEqual(SAMPLE_MS);
  // Any space before a unit: French typography may make it a no-break one.
  await expect(interval).toContainText(new RegExp(`${Math.round(ms)}\\s?ms`));
  await expect(interval).toContainText(new RegExp(`\\(${Math.round(60_000 / ms)}\\s?/min\\)`));
  await expectVitalsInViewport(consultant, size, `${label} (ECG viewer open)`, 12);
  await attachScreenshot(consultant.getByTestId('ecg-viewer'), testInfo, `doctor-ecg-calipers-${label}`);

  // The arrows move a caliper by exactly one sample, and the reading follows on the sample clock.
  await consultant.getByTestId('ecg-caliper-b').press('ArrowRight');
  expect(await numberAttribute(interval, 'data-ms')).toBeCloseTo(ms + SAMPLE_MS, 6);
  await consultant.getByTestId('ecg-caliper-b').press('ArrowLeft');

  // Amplitude calipers: set on the samples at A and B, then one step of 0.01 mV up.
  const amplitude = consultant.getByTestId('ecg-amplitude');
  await consultant.getByTestId('ecg-amplitude-from-time').click();
  const before = await numberAttribute(amplitude, 'data-value');
  await consultant.getByTestId('ecg-caliper-high').press('ArrowUp');
  expect(await numberAttribute(amplitude, 'data-value')).toBeCloseTo(before + 0.01, 3);

  // Scroll back half a window, then zoom to 2 s.
  await consultant.getByTestId('ecg-earlier').click();
  expect(await numberAttribute(trace, 'data-view-from')).toBe(frozenFrom - 2 * RATE_HZ);
  await consultant.getByTestId('ecg-time-scale').selectOption('2');
  await expect(trace).toHaveAttribute('data-view-count', String(2 * RATE_HZ));
  await consultant.getByTestId('ecg-amplitude-scale').selectOption('0.5');

  await expectNoAxeViolation(consultant, 'ecg-viewer');
  await attachScreenshot(consultant, testInfo, `doctor-page-tools-${label}`);

  // Back to live at the scales it had: the view follows the newest samples again.
  await consultant.getByTestId('ecg-freeze').click();
  await expect(consultant.getByTestId('ecg-viewer')).toHaveAttribute('data-frozen', 'false');
  await consultant.getByTestId('ecg-time-scale').selectOption(timeScale);
  await consultant.getByTestId('ecg-amplitude-scale').selectOption(amplitudeScale);
}

for (const lang of LANGS)
  test(`${lang}: doctor tools at 1920×1080, 1366×768 and 1280×800: trends with NEWS2 bands; ECG frozen, calipers by keyboard on two R peaks read the simulated R-R to ±1 sample; scroll back, zoom; every vital in sight`, async ({
    browser,
  }, testInfo) => {
    const pages = await startCall(browser, lang);
    try {
      for (const size of DOCTOR_SIZES)
        await test.step(`${size.name} ${size.width}×${size.height}`, () =>
          checkTools(pages, size, lang, testInfo));
      expect(pages.pageErrors).toEqual([]);
    } finally {
      await pages.close();
    }
  });
