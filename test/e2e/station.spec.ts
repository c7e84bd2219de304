import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { ApiObserver } from './api-observer';
import { canvasInkedPixels, canvasPng, fontSizePx } from './page-probes';
import { HOST_MAIN, startStationHost, type StationHost } from './station-host';

/**
 * The whole chain with nothing faked: a simulated Contec CMS50 writes real V7 frames into a socat
 * pty, the core reads them through the real serial binding and decoder, the Node host bridges them
 * over WebSocket, and Chromium renders them. What the page shows is checked against what a second,
 * independent API client receives from the same host.
 */
let host: StationHost;

test.beforeAll(async () => {
  host = await startStationHost(['--simulate']);
});

test.afterAll(async () => {
  const code = await host.stop();
  expect(code, `host did not shut down cleanly:\n${host.output()}`).toBe(0);
});

function watchForPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

test('shows the simulated oximeter live: numerics, sweeping pleth, device state and SIMULATED badge', async ({
  page,
}) => {
  const problems = watchForPageProblems(page); // a CSP violation would show up here as a console error
  const observer = await ApiObserver.connect(host.url);
  try {
    await page.goto(host.url);

    await expect(page.getByTestId('simulated-badge')).toHaveText('SIMULATED');
    const deviceState = page.locator('[data-testid^="device-state-"]');
    await expect(deviceState).toHaveCount(1);
    await expect(deviceState).toContainText('Streaming');
    await expect(deviceState.locator('[data-state]')).toHaveAttribute('data-state', 'streaming');
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
    // The oximeter's own group carries its name, SIMULATED badge and state with its tiles.
    const group = page.locator('[data-testid^="device-group-contec-cms50-v7@"]');
    await expect(group.locator('[data-testid^="group-simulated-"]')).toHaveText('SIMULATED');
    await expect(group.locator('[data-testid^="group-state-"]')).toHaveAttribute('data-state', 'streaming');

    // The values on screen are the ones the backend sends (polled: both sides are live streams).
    for (const metric of ['MDC_PULS_OXIM_SAT_O2', 'MDC_PULS_OXIM_PULS_RATE'] as const) {
      const tileValue = page.getByTestId(`tile-value-${metric}`);
      await expect
        .poll(
          async () => {
            const sent = observer.latest.get(metric);
            const shown = await tileValue.textContent();
            return sent !== undefined && sent !== null && shown === String(sent);
          },
          { message: `${metric} on screen should match the backend's latest value` },
        )
        .toBe(true);
      expect(Number(await tileValue.textContent())).toBeGreaterThan(0);
    }
    await expect(page.getByTestId('tile-MDC_PULS_OXIM_SAT_O2')).toHaveAttribute('data-stale', 'false');

    // The pleth is drawn on the canvas and keeps moving.
    const pleth = 'waveform-MDC_PULS_OXIM_PLETH';
    const snapshot = () => page.evaluate<string>(canvasPng(pleth));
    const inkedPixels = () => page.evaluate<number>(canvasInkedPixels(pleth));
    await expect.poll(inkedPixels).toBeGreaterThan(100);
    const first = await snapshot();
    await page.waitForTimeout(500);
    expect(await snapshot()).not.toBe(first);

    expect(problems).toEqual([]);
  } finally {
    observer.close();
  }
});

test('fits a 10-inch tablet (1280×800) and a 1920×1080 screen without scrolling', async ({ page }) => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(host.url);
    await expect(page.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2')).not.toHaveText('--');
    for (const testId of [
      'tile-MDC_PULS_OXIM_SAT_O2',
      'tile-MDC_PULS_OXIM_PULS_RATE',
      'waveform-MDC_PULS_OXIM_PLETH',
      'device-panel',
    ]) {
      const box = await page.getByTestId(testId).boundingBox();
      expect(box, testId).not.toBeNull();
      expect(
        box!.y + box!.height,
        `${testId} bottom at ${viewport.width}×${viewport.height}`,
      ).toBeLessThanOrEqual(viewport.height);
      expect(box!.x + box!.width, `${testId} right edge`).toBeLessThanOrEqual(viewport.width);
    }
    // Readable from a distance: the SpO2 digits are at least 64 CSS px tall.
    const fontPx = await page.evaluate<number>(fontSizePx('tile-value-MDC_PULS_OXIM_SAT_O2'));
    expect(fontPx).toBeGreaterThanOrEqual(64);
  }
});

test('the host refuses a bad flag with the usage text and exit code 1', () => {
  const result = spawnSync(process.execPath, [HOST_MAIN, '--port', 'eighty'], { encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('--port must be 0–65535');
  expect(result.stderr).toContain('Usage:');
});
