import { expect, type Page } from '@playwright/test';
import type { Size } from './a11y/variants';

/**
 * Every vital on the doctor's page (numeric tiles, the BP result, the traces) with its box, and
 * whether the vitals' column scrolls: measured in the page in one round trip. A string, since the
 * e2e project compiles without the DOM library (see page-probes.ts).
 */
const VITAL_BOXES = `(() => {
  const vitals = document.querySelector('[data-testid="consultant-vitals"]');
  const found = [...vitals.querySelectorAll('[data-testid^="tile-value-"], [data-testid="bp-tile"], .waveform')];
  return {
    column: { scrollHeight: vitals.scrollHeight, clientHeight: vitals.clientHeight },
    boxes: found.map((el) => {
      const box = el.getBoundingClientRect();
      return {
        name: el.dataset.testid || el.dataset.metric || el.className,
        device: el.closest('[data-device]')?.dataset.device ?? '',
        top: box.top, left: box.left, bottom: box.bottom, right: box.right,
      };
    }),
  };
})()`;

export interface VitalBoxes {
  column: { scrollHeight: number; clientHeight: number };
  boxes: { name: string; device: string; top: number; left: number; bottom: number; right: number }[];
}

export function measureVitals(page: Page): Promise<VitalBoxes> {
  return page.evaluate<VitalBoxes>(VITAL_BOXES);
}

/**
 * Every vital's box inside the viewport and the vitals' column not scrolling; `atLeast` vitals
 * found (3 + 5 numeric tiles, the BP result, the pleth and three ECG leads make 13).
 */
export async function expectVitalsInViewport(
  page: Page,
  size: Pick<Size, 'width' | 'height'>,
  label: string,
  atLeast = 13,
): Promise<void> {
  const measured = await measureVitals(page);
  expect(measured.boxes.length, `${label}: vitals found`).toBeGreaterThanOrEqual(atLeast);
  for (const box of measured.boxes) {
    const where = `${label}: ${box.device} ${box.name} at ${JSON.stringify(box)}`;
    expect(box.top, where).toBeGreaterThanOrEqual(0);
    expect(box.left, where).toBeGreaterThanOrEqual(0);
    expect(box.bottom, where).toBeLessThanOrEqual(size.height);
    expect(box.right, where).toBeLessThanOrEqual(size.width);
  }
  expect(measured.column.scrollHeight, `${label}: the vitals' column does not scroll`).toBeLessThanOrEqual(
    measured.column.clientHeight + 1,
  );
}
