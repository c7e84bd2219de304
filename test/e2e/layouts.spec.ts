import { expect, test, type Page } from '@playwright/test';
import { fontSizePx } from './page-probes';
import { startStationHost, type StationHost } from './station-host';

/**
 * The station's three form factors in both languages, geometry only (axe and the screenshots of
 * every screen are screens.spec.ts's): nothing overflows sideways, the live screen fits without
 * scrolling, every control is a 48 px target on the tablet, and the wall screen's numerics are
 * about a tenth of its height. Three simulated devices make the live screen as full as it gets.
 */
const SIZES = [
  { name: 'wall', width: 1920, height: 1080, touch: false },
  { name: 'laptop', width: 1366, height: 768, touch: false },
  { name: 'tablet', width: 1280, height: 800, touch: true },
] as const;
const LANGUAGES = [
  { locale: 'en-GB', live: 'Live' },
  { locale: 'fr-FR', live: 'Direct' },
] as const;

let host: StationHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startStationHost(['--simulate', 'contec-cms50-v7,philips-intellivue-mib,openbci-cyton']);
});

test.afterAll(async () => {
  const code = await host.stop();
  expect(code, `host did not shut down cleanly:\n${host.output()}`).toBe(0);
});

interface Geometry {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  /** Visible controls measured, and those smaller than 48×48 px CSS, described. */
  measured: number;
  smallTargets: string[];
}

/**
 * Sizes every visible control and the page, in the page (one round trip). A string, as in
 * page-probes.ts: the e2e project compiles without the DOM library.
 */
const MEASURE = `(() => {
  const root = document.documentElement;
  const smallTargets = [];
  let measured = 0;
  const controls = document.querySelectorAll(
    'button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])',
  );
  for (const control of controls) {
    const box = control.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue; // hidden (another screen)
    if (control.classList.contains('skip-link')) continue; // off screen until focused
    measured++;
    // A checkbox's target includes its margin (a 28 px box with 10 px around).
    const margin = control.type === 'checkbox' ? 20 : 0;
    if (box.width + margin < 47.5 || box.height + margin < 47.5) {
      const name = (control.textContent || control.getAttribute('aria-label') || '').trim().slice(0, 30);
      smallTargets.push(control.tagName.toLowerCase() + ' "' + name + '" ' + Math.round(box.width) + 'x' + Math.round(box.height));
    }
  }
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    scrollHeight: root.scrollHeight,
    clientHeight: root.clientHeight,
    measured,
    smallTargets,
  };
})()`;

function measure(page: Page): Promise<Geometry> {
  return page.evaluate<Geometry>(MEASURE);
}

for (const size of SIZES)
  for (const language of LANGUAGES)
    test(`${size.name} ${size.width}×${size.height}, ${language.locale}: live screen fits, no sideways overflow`, async ({
      browser,
    }) => {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        locale: language.locale,
        hasTouch: size.touch,
      });
      const page = await context.newPage();
      try {
        await page.goto(`${host.url}#station`);
        await expect(page.getByTestId('nav-station')).toHaveText(language.live);
        await expect(page.locator('[data-testid^="device-group-"]')).toHaveCount(3, { timeout: 20_000 });
        await expect(page.locator('[data-testid^="tile-value-MDC_PULS_OXIM_SAT_O2"]').first()).toHaveText(
          /^\d+$/,
          { timeout: 20_000 },
        );
        const geometry = await measure(page);
        await page.screenshot({
          path: test.info().outputPath(`station-${size.name}-${language.locale}.png`),
        });
        expect(geometry.scrollWidth, 'no horizontal overflow').toBeLessThanOrEqual(geometry.clientWidth);
        expect(geometry.scrollHeight, 'the live screen fits without scrolling').toBeLessThanOrEqual(
          geometry.clientHeight,
        );
        expect(geometry.measured, 'controls found on the live screen').toBeGreaterThanOrEqual(6);
        if (size.touch) expect(geometry.smallTargets, 'controls under 48×48 px').toEqual([]);
        if (size.name === 'wall') {
          const digitsPx = await page.evaluate<number>(fontSizePx('tile-value-MDC_PULS_OXIM_SAT_O2'));
          expect(digitsPx, 'SpO2 digits ≈ 10 % of the height').toBeGreaterThanOrEqual(size.height * 0.1);
        }

        // The settings screen on the same size: a long form scrolls, but never sideways.
        await page.getByTestId('nav-settings').click();
        await expect(page.getByTestId('settings-form')).toBeVisible();
        const settings = await measure(page);
        await page.screenshot({
          path: test.info().outputPath(`settings-${size.name}-${language.locale}.png`),
        });
        expect(settings.scrollWidth, 'settings: no horizontal overflow').toBeLessThanOrEqual(
          settings.clientWidth,
        );
        expect(settings.measured, 'controls found on the settings screen').toBeGreaterThanOrEqual(12);
        if (size.touch) expect(settings.smallTargets, 'settings controls under 48×48 px').toEqual([]);
      } finally {
        await context.close();
      }
    });
