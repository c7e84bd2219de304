import type { Browser, Locator, Page } from '@playwright/test';
import { contextOptions, type Variant } from './variants';

/**
 * A fresh browser context per capture: the variant's viewport, touch and language are context
 * options, and nothing (an unlocked PIN, a half-typed form) leaks from one capture to the next.
 */
export async function withVariantPage<T>(
  browser: Browser,
  variant: Variant,
  use: (page: Page, pageErrors: string[]) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext(contextOptions(variant));
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return await use(page, pageErrors);
  } finally {
    await context.close();
  }
}

/**
 * Markers already known missing in this worker: wait for them briefly, so a screen not built yet
 * costs one full wait, not one per variant.
 */
const missing = new Set<string>();
const SHORT_WAIT_MS = 1000;

/** Null when the marker is visible, else the reason (the capture goes on: an audit is still useful). */
export async function waitForMarker(key: string, marker: Locator, timeoutMs: number): Promise<string | null> {
  const timeout = missing.has(key) ? SHORT_WAIT_MS : timeoutMs;
  try {
    await marker.filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
    missing.delete(key);
    return null;
  } catch {
    missing.add(key);
    return `readiness marker not visible after ${timeout} ms: ${String(marker)}`;
  }
}
