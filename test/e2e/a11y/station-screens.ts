import type { Locator, Page } from '@playwright/test';
import type { StationHost } from '../station-host';
import { startLockedHost } from './locked-host';
import { KIOSK_PIN, PATIENT_FAMILY_NAME, type StationState } from './station-state';

/**
 * Every station screen state of issue 7's screen matrix: how to put the host in that state, how to
 * reach it from the URL fragment, and the marker that says it has rendered.
 *
 * The markers are the screens' own `data-testid`s. When a marker never shows up (a screen not built
 * yet), the screen is still captured and audited, and the test says it was not ready.
 */
export interface StationScreenState {
  readonly name: string;
  readonly fragment: string;
  /** A host of its own (e.g. one started locked); the worker's shared host otherwise. */
  ownHost?(): Promise<StationHost>;
  /** Backend state, set once per test through the API. */
  prepare?(state: StationState): Promise<void>;
  /** Steps in the page after loading the fragment (open a record, run the check, type the PIN). */
  reach?(page: Page): Promise<void>;
  readonly marker: (page: Page) => Locator;
  readonly markerTimeoutMs?: number;
  /** Shown only when the state is wrong (e.g. the settings form while they should be locked). */
  readonly mustNotShow?: (page: Page) => Locator;
  /** Backend state to restore after the test (e.g. clear the PIN). */
  restore?(state: StationState): Promise<void>;
}

const visible = (locator: Locator): Locator => locator.filter({ visible: true }).first();

/** Clicks the first of these that shows up within `timeoutMs`; false when none does. */
async function clickIfPresent(locator: Locator, timeoutMs: number): Promise<boolean> {
  try {
    await visible(locator).waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    return false;
  }
  await visible(locator).click();
  return true;
}

export const STATION_SCREENS: readonly StationScreenState[] = [
  {
    name: 'station',
    fragment: 'station',
    prepare: (state) => state.tolerant(() => state.noActiveConsultation()),
    // Simulated oximeter streaming: a number in the SpO2 tile.
    marker: (page) => page.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2').filter({ hasText: /\d/ }),
  },
  {
    name: 'consultation-start',
    fragment: 'consultation',
    prepare: (state) => state.tolerant(() => state.noActiveConsultation()),
    marker: (page) => page.getByTestId('consultation-start-form'),
  },
  {
    name: 'consultation-active',
    fragment: 'consultation',
    prepare: async (state) => void (await state.activeConsultation()),
    marker: (page) => page.getByTestId('consultation-active').filter({ has: page.getByTestId('timeline') }),
  },
  {
    name: 'records-list',
    fragment: 'records',
    prepare: (state) => state.recordedConsultation(),
    marker: (page) => page.getByTestId('records-item').filter({ hasText: PATIENT_FAMILY_NAME }),
  },
  {
    name: 'record-detail',
    fragment: 'records',
    prepare: (state) => state.recordedConsultation(),
    async reach(page) {
      const item = page.getByTestId('records-item').filter({ hasText: PATIENT_FAMILY_NAME });
      await clickIfPresent(item.getByTestId('records-open'), 5000);
    },
    marker: (page) => page.getByTestId('record-detail').filter({ has: page.getByTestId('record-report') }),
  },
  {
    name: 'check',
    fragment: 'check',
    async reach(page) {
      await clickIfPresent(page.getByTestId('check-run'), 5000);
    },
    // The summary appears once every item has a result (cameras, audio, network: a few seconds).
    marker: (page) => page.getByTestId('check-summary'),
    markerTimeoutMs: 30_000,
    // The call relay is one item (issue 15), never a row per transport and side.
    mustNotShow: (page) =>
      page.locator('[data-testid^="check-item-network.turn-"], [data-testid^="check-item-network.relay-"]'),
  },
  {
    name: 'settings-locked',
    fragment: 'settings',
    ownHost: startLockedHost,
    marker: (page) => page.getByTestId('pin-gate'),
    mustNotShow: (page) => page.getByTestId('settings-form'),
  },
  {
    name: 'settings',
    fragment: 'settings',
    // With a PIN set (the section to change it and "lock now" are then shown); setting it locks
    // the settings, so the PIN is typed to reach them.
    prepare: (state) => state.pinSet(),
    async reach(page) {
      const gate = page.getByTestId('pin-gate');
      await gate
        .or(page.getByTestId('settings-form'))
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined);
      if (!(await gate.isVisible())) return;
      await page.getByTestId('pin-gate-input').fill(KIOSK_PIN);
      await page.getByTestId('pin-gate-unlock').click();
    },
    marker: (page) => page.getByTestId('settings-form'),
    restore: (state) => state.tolerant(() => state.pinCleared()),
  },
];
