import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { formatFindings, runAxe, type AxeOutcome } from './axe-audit';
import {
  documentLang,
  horizontalOverflow,
  innerScrollExcess,
  settled,
  smallTouchTargets,
  type HorizontalOverflow,
} from './layout-probes';
import { variantLabel, type Variant } from './variants';

/** WCAG 2.5.5 (AAA) size, which issue 7 requires for the tablet layout. */
export const MIN_TOUCH_TARGET_PX = 48;
const MAX_EXTRA_HEIGHT_PX = 8000;

export interface ScreenAudit {
  readonly screen: string;
  readonly variant: string;
  /** Null when the screen's readiness marker showed up; else why the capture may be premature. */
  readonly notReady: string | null;
  readonly screenshot: string;
  readonly htmlLang: string;
  readonly overflow: HorizontalOverflow;
  readonly smallTargets: string[] | null;
  readonly axe: AxeOutcome;
}

/**
 * One screen in one variant: a full-page screenshot (attached, and saved as
 * `<outputDir>/screens/<screen>-<size>-<lang>.png` beside a `.json` of the findings), axe-core, and
 * the layout checks. Every check is a soft assertion: one capture reports all of its problems and
 * the remaining variants still run.
 */
export async function auditScreen(
  page: Page,
  testInfo: TestInfo,
  screen: string,
  variant: Variant,
  notReady: string | null,
): Promise<ScreenAudit> {
  const name = `${screen}-${variantLabel(variant)}`;
  await page.evaluate(settled);
  // Audited as laid out in the real viewport, before any expanded screenshot.
  const axe = await runAxe(page);
  const dir = join(testInfo.project.outputDir, 'screens');
  const audit: ScreenAudit = {
    screen,
    variant: variantLabel(variant),
    notReady,
    screenshot: join(dir, `${name}.png`),
    htmlLang: await page.evaluate<string>(documentLang),
    overflow: await page.evaluate<HorizontalOverflow>(horizontalOverflow),
    smallTargets: variant.size.touch
      ? await page.evaluate<string[]>(smallTouchTargets(MIN_TOUCH_TARGET_PX))
      : null,
    axe,
  };
  mkdirSync(dir, { recursive: true });
  await screenshots(page, testInfo, dir, name);
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(audit, null, 2));
  report(audit);

  expect.soft(notReady, `${name}: screen not ready`).toBeNull();
  expect
    .soft(axe.blocking, `${name}: serious/critical axe violations:\n${formatFindings(axe.blocking)}`)
    .toEqual([]);
  expect.soft(audit.htmlLang, `${name}: <html lang>`).toBe(variant.lang);
  expect
    .soft(
      audit.overflow.overflowPx,
      `${name}: horizontal scrollbar, sticking out: ${audit.overflow.culprits.join('; ')}`,
    )
    .toBe(0);
  if (audit.smallTargets !== null)
    expect
      .soft(
        audit.smallTargets,
        `${name}: touch targets under ${MIN_TOUCH_TARGET_PX}×${MIN_TOUCH_TARGET_PX} px`,
      )
      .toEqual([]);
  return audit;
}

/**
 * The full page as laid out at this size; when content scrolls inside an inner container (a fixed
 * header over a scrolling `<main>`), also `<name>-expanded.png`: the viewport lengthened until
 * that container shows whole (layouts sized in `vh` then look stretched: it is for reading).
 */
async function screenshots(page: Page, testInfo: TestInfo, dir: string, name: string): Promise<void> {
  const shot = await page.screenshot({ fullPage: true, path: join(dir, `${name}.png`) });
  await testInfo.attach(name, { body: shot, contentType: 'image/png' });
  const viewport = page.viewportSize();
  const excess = Math.min(MAX_EXTRA_HEIGHT_PX, await page.evaluate<number>(innerScrollExcess));
  if (viewport === null || excess <= 0) return;
  await page.setViewportSize({ width: viewport.width, height: viewport.height + excess });
  try {
    await page.evaluate(settled);
    const expanded = await page.screenshot({ fullPage: true, path: join(dir, `${name}-expanded.png`) });
    await testInfo.attach(`${name}-expanded`, { body: expanded, contentType: 'image/png' });
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** Minor and moderate findings do not fail the screen but are printed for the record. */
function report(audit: ScreenAudit): void {
  if (audit.axe.other.length > 0)
    console.log(
      `${audit.screen}-${audit.variant}: minor/moderate axe findings:\n${formatFindings(audit.axe.other)}`,
    );
}
