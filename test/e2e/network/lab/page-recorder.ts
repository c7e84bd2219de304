import type { Page } from 'playwright-core';

/**
 * Installed in both pages before any of their own scripts (and again after every reload): every
 * change of the call banner (phase, its other data-* attributes, its words), of the quality badge
 * and of the quality ladder's rung, and every trusted click or key press, stamped in high-resolution epoch ms (the pages and
 * the test share this machine's clock). The test reads the log; a reload starts a new one, so the
 * test collects before it reloads.
 */
export interface ShownState {
  readonly t: number;
  /** The banner's `data-phase` (null: no banner on screen). */
  readonly phase: string | null;
  /** All the banner's data-* attributes, e.g. data-state, data-audio-only, data-rung. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The banner's words; without a banner, the first words of the page. */
  readonly text: string;
  /** The quality badge's data-* attributes and words, when it is on screen. */
  readonly badge: string;
  /** The quality ladder's rung (`data-rung`: full, reduced, low, audio-only) and its words. */
  readonly rung: string | null;
  readonly rungText: string;
}

export interface UserInput {
  readonly t: number;
  readonly kind: string;
  readonly target: string;
}

export interface PageLog {
  readonly states: readonly ShownState[];
  readonly inputs: readonly UserInput[];
}

export const PAGE_RECORDER = `(() => {
  if (window.__lab !== undefined) return;
  const lab = (window.__lab = { states: [], inputs: [] });
  const now = () => performance.timeOrigin + performance.now();
  const dataOf = (el) => {
    const out = {};
    for (const a of el.attributes) if (a.name.startsWith('data-') && a.name !== 'data-testid') out[a.name.slice(5)] = a.value;
    return out;
  };
  let last = '';
  setInterval(() => {
    const banner = document.querySelector('[data-testid="call-state"]');
    const badge = document.querySelector('[data-testid="quality-badge"]');
    const rung = document.querySelector('[data-testid="quality-rung"]');
    const entry = {
      phase: banner === null ? null : banner.getAttribute('data-phase'),
      attributes: banner === null ? {} : dataOf(banner),
      // No banner (a page that never got into the call): the start of what it says instead.
      text: banner !== null ? banner.textContent : document.body ? document.body.innerText.replace(/\\s+/g, ' ').trim().slice(0, 60) : '',
      badge: badge === null ? '' : JSON.stringify(dataOf(badge)) + ' ' + badge.textContent,
      rung: rung === null ? null : rung.getAttribute('data-rung'),
      rungText: rung === null ? '' : rung.textContent,
    };
    const key = JSON.stringify(entry);
    if (key !== last) { last = key; lab.states.push({ t: now(), ...entry }); }
  }, 50);
  for (const kind of ['click', 'keydown', 'pointerdown']) {
    document.addEventListener(kind, (event) => {
      if (!event.isTrusted) return;
      const target = event.target;
      const name = target && target.getAttribute ? target.getAttribute('data-testid') || target.tagName : String(target);
      lab.inputs.push({ t: now(), kind, target: name });
    }, true);
  }
})()`;

/** What this page's recorder has logged since its last load (empty when it has none yet). */
export async function readPageLog(page: Page): Promise<PageLog> {
  return page
    .evaluate<PageLog>('window.__lab ?? { states: [], inputs: [] }')
    .catch(() => ({ states: [], inputs: [] }));
}

/** Keeps every page load's log: call `collect` before a reload or close, and at the end. */
export class PageLogBook {
  private readonly kept: PageLog[] = [];
  private current: PageLog = { states: [], inputs: [] };

  constructor(private readonly page: () => Page) {}

  async refresh(): Promise<void> {
    const log = await readPageLog(this.page());
    if (log.states.length > 0 || log.inputs.length > 0) this.current = log;
  }

  /** The page is about to reload or close: what it logged so far is kept. */
  async seal(): Promise<void> {
    await this.refresh();
    this.kept.push(this.current);
    this.current = { states: [], inputs: [] };
  }

  all(): PageLog {
    const logs = [...this.kept, this.current];
    return { states: logs.flatMap((l) => l.states), inputs: logs.flatMap((l) => l.inputs) };
  }
}
