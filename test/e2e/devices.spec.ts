import { expect, test, type Locator, type Page } from '@playwright/test';
import { startStationHost, type StationHost } from './station-host';

/**
 * Several simulated devices at once, each on its own pty, through the real host into Chromium:
 * every device gets its own group with its own tiles and traces, nothing overwrites anything, and
 * the layout still fits the tablet and the big screen without the page scrolling.
 */
const OXIMETER = 'contec-cms50-v7';
const MONITOR = 'philips-intellivue-mib';
const ECG = 'openbci-cyton';

let host: StationHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startStationHost(['--simulate', [OXIMETER, MONITOR, ECG].join(',')]);
});

test.afterAll(async () => {
  const code = await host.stop();
  expect(code, `host did not shut down cleanly:\n${host.output()}`).toBe(0);
});

/** The group of the device whose id starts with `protocol@`. */
function group(page: Page, protocol: string): Locator {
  return page.locator(`[data-testid^="device-group-${protocol}@"]`);
}

function tileValue(scope: Locator, metric: string): Locator {
  return scope.getByTestId(`tile-value-${metric}`);
}

/** Resolves when the screenshot of `canvas` differs from the one taken first. */
async function expectChanging(canvas: Locator): Promise<void> {
  const first = await canvas.screenshot();
  await expect.poll(async () => (await canvas.screenshot()).equals(first), { timeout: 5_000 }).toBe(false);
}

test('an oximeter, a monitor and an ECG each get their own group, tiles and traces', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('[data-testid^="device-group-"]')).toHaveCount(3);

  const oximeter = group(page, OXIMETER);
  const monitor = group(page, MONITOR);
  const ecg = group(page, ECG);
  for (const scope of [oximeter, monitor, ecg]) {
    await expect(scope.locator('[data-testid^="group-simulated-"]')).toHaveText('SIMULATED');
    await expect(scope.locator('[data-testid^="group-state-"]')).toHaveAttribute('data-state', 'streaming');
  }

  // Both the oximeter and the monitor send SpO2 and a pulse: each keeps its own tiles.
  for (const metric of ['MDC_PULS_OXIM_SAT_O2', 'MDC_PULS_OXIM_PULS_RATE']) {
    await expect(tileValue(oximeter, metric)).toHaveText(/^\d+$/);
    await expect(tileValue(monitor, metric)).toHaveText(/^\d+$/);
  }
  await expect(tileValue(monitor, 'MDC_ECG_HEART_RATE')).toHaveText(/^\d+$/);
  await expect(oximeter.getByTestId('tile-MDC_ECG_HEART_RATE')).toHaveCount(0);
  await expect(ecg.locator('[data-testid^="tile-"]')).toHaveCount(0);

  // Traces: the oximeter's pleth, the ECG's three leads, all sweeping.
  const pleth = oximeter.getByTestId('waveform-MDC_PULS_OXIM_PLETH');
  const leads = ['I', 'II', 'III'].map((lead) => ecg.getByTestId(`waveform-MDC_ECG_ELEC_POTL_${lead}`));
  await expect(page.getByTestId('waveform-MDC_PULS_OXIM_PLETH')).toHaveCount(1);
  for (const canvas of [pleth, ...leads]) await expectChanging(canvas);
  await expect(ecg.locator('.waveform-scale').first()).toHaveText('-2 to 2 mV');

  // The monitor's first cuff cycle ends ≈ 8 s after connect: then a BP result tile, not live.
  const bp = monitor.getByTestId('bp-value');
  await expect(bp).toHaveText(/^\d+\/\d+ mmHg$/, { timeout: 20_000 });
  await expect(monitor.getByTestId('bp-time')).toHaveText(/^measured \d\d:\d\d, \d+ \w{3}$/);
});

test('three device groups fit 1280×800 and 1920×1080 without page scrolling', async ({ page }) => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(host.url);
    const groups = page.locator('[data-testid^="device-group-"]');
    await expect(groups).toHaveCount(3);
    await expect(tileValue(group(page, MONITOR), 'MDC_PULS_OXIM_SAT_O2')).toHaveText(/^\d+$/);
    for (const box of await Promise.all((await groups.all()).map((g) => g.boundingBox()))) {
      expect(box).not.toBeNull();
      expect(
        box!.y + box!.height,
        `group bottom at ${viewport.width}×${viewport.height}`,
      ).toBeLessThanOrEqual(viewport.height);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    }
    const scroll = await page.evaluate<[number, number]>(
      '[document.scrollingElement.scrollHeight, window.innerHeight]',
    );
    expect(scroll[0], 'page height').toBeLessThanOrEqual(scroll[1]);
    const tile = `[data-testid^="device-group-${OXIMETER}@"] [data-testid="tile-value-MDC_PULS_OXIM_SAT_O2"]`;
    const fontPx = await page.evaluate<number>(
      `parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(tile)})).fontSize)`,
    );
    expect(fontPx).toBeGreaterThanOrEqual(64);
    for (const button of await page.getByRole('button').all()) {
      const box = await button.boundingBox();
      if (box !== null)
        expect(box.height, (await button.textContent()) ?? 'button').toBeGreaterThanOrEqual(48);
    }
  }
});

test('the device area offers Bluetooth, or says plainly why it cannot', async ({ page }) => {
  await page.goto(host.url);
  const panel = page.getByTestId('ble-panel');
  await expect(panel).toBeVisible();
  // Headless Chromium on Linux has no navigator.bluetooth: the panel says so instead of a dead button.
  const hasBluetooth = await page.evaluate<boolean>('"bluetooth" in navigator');
  if (hasBluetooth) await expect(panel.getByRole('button', { name: 'Add Bluetooth device' })).toBeVisible();
  else await expect(panel.getByTestId('ble-unavailable')).toContainText('no Web Bluetooth');
  const box = await panel.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(800);
});
