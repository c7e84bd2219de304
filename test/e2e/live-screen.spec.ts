import { expect, test, type Browser, type Page } from '@playwright/test';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { formatFindings, runAxe } from './a11y/axe-audit';
import { callHostApi } from './call-turn';
import { startStationHost, stationPageUrl, type StationHost } from './station-host';

/**
 * The station's live screen during a call (issue 15 item 1), with the three devices that make it
 * fullest (oximeter, 3-lead ECG, monitor with a BP result) and the doctor's page connected: at the
 * wall, laptop and tablet sizes in both languages, every vital tile and trace lies inside the
 * viewport beside the call panel (never under it), each ECG lead is tall enough to read, the
 * devices are summed up in the header and their list docks under the call panel (never over a
 * vital), the panel collapses to a strip and back (kept over a reload), and axe finds nothing.
 * Screenshots are kept.
 */
const SIZES = [
  { name: 'wall', width: 1920, height: 1080, minLeadPx: 120 },
  { name: 'laptop', width: 1366, height: 768, minLeadPx: 80 },
  { name: 'tablet', width: 1280, height: 800, minLeadPx: 80 },
] as const;
const LANGUAGES = ['en-GB', 'fr-FR'] as const;
const DEVICES = ['contec-cms50-v7', 'openbci-cyton', 'philips-intellivue-mib'];

let host: StationHost;

test.beforeAll(async () => {
  host = await startStationHost(['--simulate', DEVICES.join(',')]);
  // No consent, no call.
  await callHostApi(host.url, 'consultation.start', CONSULTATION_START);
});

test.afterAll(async () => {
  const code = await host?.stop();
  expect(code, `host did not shut down cleanly:\n${host?.output()}`).toBe(0);
});

interface Box {
  readonly id: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

interface LiveGeometry {
  readonly viewport: { readonly width: number; readonly height: number };
  readonly scrollHeight: number;
  readonly scrollWidth: number;
  /** Every vital tile (numeric and BP) and every trace. */
  readonly vitals: Box[];
  /** The ECG leads' trace areas (their canvases) and their labels. */
  readonly leads: (Box & { readonly label: Box })[];
  /** The call panel, expanded or as a strip. */
  readonly panel: Box | null;
  /** The device area (docked under the call panel while it is open), or null when not shown. */
  readonly devices: Box | null;
}

/** Measured in the page in one round trip; a string (the e2e project compiles without the DOM). */
const MEASURE = `(() => {
  const box = (element, id) => {
    const r = element.getBoundingClientRect();
    return { id, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  const named = (element) =>
    (element.closest('[data-device]')?.getAttribute('data-device') ?? '?').split('@')[0] + ' ' + element.getAttribute('data-testid');
  const vitals = [...document.querySelectorAll('.device-group .tile, .device-group .waveform-canvas')].map(
    (element) => box(element, named(element)),
  );
  const leads = [...document.querySelectorAll('.device-group .waveform[data-metric^="MDC_ECG_ELEC"]')].map(
    (figure) => ({
      ...box(figure.querySelector('canvas'), figure.getAttribute('data-metric')),
      label: box(figure.querySelector('.waveform-label'), 'label'),
    }),
  );
  const panel = document.querySelector('.call-panel');
  const devices = document.querySelector('.device-area');
  return {
    viewport: { width: window.innerWidth, height: window.innerHeight },
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    vitals,
    leads,
    panel: panel === null ? null : box(panel, 'call-panel'),
    devices: devices === null || !devices.checkVisibility() ? null : box(devices, 'device-area'),
  };
})()`;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

function outside(box: Box, viewport: { width: number; height: number }): boolean {
  return (
    box.left < -0.5 ||
    box.top < -0.5 ||
    box.right > viewport.width + 0.5 ||
    box.bottom > viewport.height + 0.5
  );
}

async function stationInCall(
  browser: Browser,
  locale: string,
  size: { width: number; height: number },
): Promise<{ station: Page; close(): Promise<void> }> {
  const stationContext = await browser.newContext({
    locale,
    viewport: { width: size.width, height: size.height },
  });
  const doctorContext = await browser.newContext({ locale });
  const close = async (): Promise<void> => {
    await stationContext.close();
    await doctorContext.close();
  };
  try {
    const station = await stationContext.newPage();
    await station.goto(stationPageUrl(host.url, { fragment: 'station' }));
    await station.getByTestId('call-open').click();
    await station.getByTestId('setup-instrument').selectOption('default');
    await station.getByTestId('setup-stethoscope').selectOption('default');
    await station.getByTestId('call-start').click();
    await expect(station.getByTestId('call-state')).toHaveAttribute('data-phase', 'inviting');
    const link = await station.getByTestId('invite-url').inputValue();
    const doctor = await doctorContext.newPage();
    await doctor.goto(link);
    for (const page of [station, doctor])
      await expect(page.getByTestId('call-state')).toHaveAttribute('data-phase', 'connected', {
        timeout: 60_000,
      });
    // Every device streaming, and the monitor's BP result in.
    await expect(station.locator('[data-testid^="device-group-"]')).toHaveCount(3, { timeout: 20_000 });
    await expect(station.getByTestId('bp-value')).toBeVisible({ timeout: 20_000 });
    await expect(station.locator('.device-group .waveform[data-metric^="MDC_ECG_ELEC"]')).toHaveCount(3);
    // The monitor's held result from before the consultation: the nurse sets it aside, as she would.
    const dismiss = station.getByTestId('pending-dismiss');
    await dismiss
      .first()
      .waitFor({ timeout: 5000 })
      .catch(() => undefined);
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    return { station, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function expectAllInSight(page: Page, label: string, minLeadPx: number | null): Promise<LiveGeometry> {
  // Let the layout settle (fonts, the canvases' resize observers) after a viewport change.
  await page.waitForTimeout(300);
  const geometry = await page.evaluate<LiveGeometry>(MEASURE);
  const { viewport } = geometry;
  expect.soft(geometry.scrollWidth, `${label}: no horizontal overflow`).toBeLessThanOrEqual(viewport.width);
  expect
    .soft(geometry.scrollHeight, `${label}: the live screen fits without scrolling`)
    .toBeLessThanOrEqual(viewport.height);
  expect.soft(geometry.vitals.length, `${label}: tiles and traces found`).toBeGreaterThanOrEqual(10);
  const hidden = geometry.vitals.filter((b) => outside(b, viewport)).map((b) => b.id);
  expect.soft(hidden, `${label}: vitals outside the viewport`).toEqual([]);
  const panel = geometry.panel;
  if (panel !== null) {
    const covered = geometry.vitals.filter((b) => overlaps(b, panel)).map((b) => b.id);
    expect.soft(covered, `${label}: vitals under the call panel`).toEqual([]);
  }
  const devices = geometry.devices;
  if (devices !== null) {
    const covered = geometry.vitals.filter((b) => overlaps(b, devices)).map((b) => b.id);
    expect.soft(covered, `${label}: vitals under the device area`).toEqual([]);
    expect.soft(outside(devices, viewport), `${label}: device area inside the viewport`).toBe(false);
    if (panel !== null)
      expect.soft(overlaps(devices, panel), `${label}: device area clear of the call panel`).toBe(false);
  }
  for (const lead of geometry.leads) {
    if (minLeadPx !== null)
      expect
        .soft(lead.bottom - lead.top, `${label}: ${lead.id} trace height`)
        .toBeGreaterThanOrEqual(minLeadPx);
    expect.soft(overlaps(lead, lead.label), `${label}: ${lead.id} label outside its trace`).toBe(false);
  }
  return geometry;
}

async function expectNoAxeViolation(page: Page, label: string): Promise<void> {
  const outcome = await runAxe(page);
  const all = [...outcome.blocking, ...outcome.other];
  expect.soft(all, `${label}: axe violations\n${formatFindings(all)}`).toEqual([]);
}

for (const locale of LANGUAGES)
  for (const size of SIZES)
    test(`${size.name} ${size.width}×${size.height}, ${locale}: in a call, every vital in sight beside the call panel; the panel folds to a strip`, async ({
      browser,
    }) => {
      // Generous: a call, two axe runs over a page drawing six traces, and a reload, on a shared
      // 2-core machine where one axe run at 1920×1080 has taken minutes.
      test.setTimeout(480_000);
      const { station, close } = await test.step('a call with the doctor connected', () =>
        stationInCall(browser, locale, size));
      try {
        const label = `${size.name} ${size.width}×${size.height} ${locale}`;
        const toggle = station.getByTestId('call-panel-toggle');
        await test.step('panel open: video and chat in sight, every vital beside it', async () => {
          await expect(toggle).toHaveAttribute('aria-expanded', 'true');
          await expect(station.getByTestId('remote-video')).toBeInViewport();
          await expect.soft(station.getByTestId('chat-input')).toBeInViewport();
          await station.screenshot({ path: test.info().outputPath(`live-${size.name}-${locale}-open.png`) });
          await expectAllInSight(station, `${label}, panel open`, size.minLeadPx);
        });
        await test.step('device list during the call: summed up in the header, docked under the panel', async () => {
          // Issue 15: the devices' state without folding the call, and no tile or trace lost.
          const dock = station.getByTestId('device-dock-toggle');
          await expect(dock).toBeInViewport({ ratio: 1 });
          await expect(dock).toHaveText(
            locale === 'fr-FR' ? /Appareils\s?: ● 3 en transmission/ : /Devices: ● 3 streaming/,
          );
          await expect(station.getByTestId('device-panel')).toBeHidden();
          await dock.click();
          await expect(dock).toHaveAttribute('aria-expanded', 'true');
          await expect(station.getByTestId('device-panel')).toBeVisible();
          const states = station.locator('[data-testid^="device-state-"]');
          await expect(states).toHaveCount(DEVICES.length);
          for (const state of await states.all()) await expect.soft(state).toBeInViewport({ ratio: 1 });
          const badges = station.locator('[data-testid^="device-simulated-"]');
          await expect(badges).toHaveCount(DEVICES.length);
          for (const badge of await badges.all()) await expect.soft(badge).toBeInViewport({ ratio: 1 });
          await expect(station.getByTestId('remote-video')).toBeInViewport();
          await station.screenshot({
            path: test.info().outputPath(`live-${size.name}-${locale}-devices.png`),
          });
          // The device area is measured too: never over a vital nor over the call panel.
          await expectAllInSight(station, `${label}, panel open, devices docked`, size.minLeadPx);
          await expectNoAxeViolation(station, `${label}, panel open, devices docked`);
          await dock.click();
          await expect(station.getByTestId('device-panel')).toBeHidden();
        });
        await test.step('panel folded to a strip: every vital in sight', async () => {
          await toggle.click();
          await expect(toggle).toHaveAttribute('aria-expanded', 'false');
          await expect(station.getByTestId('remote-video')).toBeHidden();
          await station.screenshot({ path: test.info().outputPath(`live-${size.name}-${locale}-strip.png`) });
          await expectAllInSight(station, `${label}, panel folded`, size.minLeadPx);
          await expectNoAxeViolation(station, `${label}, panel folded`);
        });
        if (size.name !== 'tablet') return;
        await test.step('folded stays folded for the session: a reload brings the call back as a strip', async () => {
          await station.reload();
          await expect(toggle).toHaveAttribute('aria-expanded', 'false', { timeout: 30_000 });
          await toggle.click();
          await expect(toggle).toHaveAttribute('aria-expanded', 'true');
          await expect(station.getByTestId('remote-video')).toBeVisible();
        });
      } finally {
        await close();
      }
    });
