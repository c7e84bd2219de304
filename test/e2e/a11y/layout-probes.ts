/**
 * In-page layout probes, as script strings (the e2e tests typecheck without the DOM lib, see
 * ../page-probes.ts). Offenders are named by a short selector so a fix can be dispatched from the
 * report alone.
 */

/** `describe(el)`: data-testid when there is one, else a short tag.class path, plus its text. */
const DESCRIBE = `
  const describe = (el) => {
    const parts = [];
    for (let node = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
      const tag = node.tagName.toLowerCase();
      const testId = node.getAttribute('data-testid');
      if (testId) { parts.unshift(tag + '[data-testid="' + testId + '"]'); break; }
      if (node.id) { parts.unshift(tag + '#' + node.id); break; }
      parts.unshift(tag + [...node.classList].map((c) => '.' + c).join(''));
    }
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 30);
    return parts.join(' > ') + (text ? ' "' + text + '"' : '');
  };`;

export interface HorizontalOverflow {
  /** CSS px the page is wider than the viewport (0: no horizontal scrollbar). */
  readonly overflowPx: number;
  /** The outermost visible elements that stick out on the right. */
  readonly culprits: string[];
}

export const horizontalOverflow = `(() => {
  ${DESCRIBE}
  const root = document.scrollingElement || document.documentElement;
  const width = document.documentElement.clientWidth;
  const overflowPx = Math.max(0, root.scrollWidth - width);
  const culprits = [];
  if (overflowPx > 0) {
    const sticking = new Set();
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 0.5) continue;
      sticking.add(el);
      if (el.parentElement && sticking.has(el.parentElement)) continue;
      culprits.push(describe(el) + ' (right edge ' + Math.round(r.right) + ' px)');
    }
  }
  return { overflowPx, culprits: culprits.slice(0, 8) };
})()`;

/**
 * Visible interactive elements smaller than `min`×`min` CSS px. A checkbox or radio inside (or
 * pointed at by) a big enough <label> passes: tapping the label operates it.
 */
export function smallTouchTargets(min: number): string {
  return `(() => {
    ${DESCRIBE}
    const min = ${min};
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, ' +
      '[role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], ' +
      '[role="tab"], [role="menuitem"], [role="slider"], [tabindex]:not([tabindex="-1"])';
    const pageWidth = document.documentElement.scrollWidth;
    const pageHeight = document.documentElement.scrollHeight;
    const bigEnough = (r) => r.width >= min - 0.5 && r.height >= min - 0.5;
    const offenders = [];
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const own = el.getBoundingClientRect();
      if (own.width === 0 || own.height === 0 || bigEnough(own)) continue;
      // Moved off the page until focused (a skip link): measured when it shows, not here.
      if (own.bottom <= 0 || own.right <= 0 || own.left >= pageWidth || own.top >= pageHeight) continue;
      const labels = el.labels ? [...el.labels] : [];
      if (labels.some((label) => bigEnough(label.getBoundingClientRect()))) continue;
      offenders.push(describe(el) + ' ' + Math.round(own.width) + '×' + Math.round(own.height));
    }
    return offenders;
  })()`;
}

export const documentLang = 'document.documentElement.lang';

/** Resolves once web fonts are loaded and two frames have been painted. */
export const settled = `document.fonts.ready.then(() => new Promise((done) =>
  requestAnimationFrame(() => requestAnimationFrame(() => done(true)))))`;

/**
 * How much taller the page would need to be to show every inner scroll container whole: screens
 * that scroll inside a `<main>` (fixed header) are not lengthened by a plain full-page capture.
 */
export const innerScrollExcess = `(() => {
  let excess = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (!/(auto|scroll)/.test(style.overflowY) || !el.checkVisibility()) continue;
    excess = Math.max(excess, el.scrollHeight - el.clientHeight);
  }
  return excess;
})()`;
