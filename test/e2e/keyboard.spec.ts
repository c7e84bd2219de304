import { expect, test, type Page } from '@playwright/test';
import { startLockedHost } from './a11y/locked-host';
import { KIOSK_PIN, START_BODY, StationState } from './a11y/station-state';
import { stationPageUrl, type StationHost } from './station-host';

/**
 * Issue 7, WCAG 2.1 AA 2.1.1 / 2.1.2 / 2.4.1 / 2.4.3 / 2.4.7 / 3.3.1, which axe cannot test: the
 * station operated with the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape, typing) in
 * Chromium, against the real Node host with a simulated oximeter. No click anywhere.
 *
 * The host has a kiosk PIN and was restarted, so its settings start locked (a11y/locked-host.ts).
 */
let host: StationHost;
let state: StationState;

test.beforeAll(async () => {
  host = await startLockedHost(['--simulate']);
  state = new StationState(host.url);
});

test.afterAll(async () => {
  await host?.stop();
});

/** What has the focus, and whether it shows it. */
interface Focused {
  /** data-testid, else id, else tag: what the assertions name. */
  readonly key: string;
  readonly name: string;
  readonly inDialog: boolean;
  readonly inMain: boolean;
  readonly visible: boolean;
  /** An outline or a shadow is drawn, and it is not drawn when the element has no focus. */
  readonly ring: boolean;
  readonly style: string;
  readonly x: number;
  readonly y: number;
}

/**
 * In-page probes, as script strings (the e2e tests typecheck without the DOM lib; see page-probes.ts).
 * An element's look: what a focus ring changes.
 */
const LOOK = `(el) => {
  const s = getComputedStyle(el);
  return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ' | ' + s.boxShadow;
}`;

/**
 * Records every focusable element's look without focus, so the probe can tell a focus ring from a
 * border that is always there. (Blurring to compare would lose a date field's segment, or fire
 * the screen's blur handlers.)
 */
async function snapshotUnfocusedLooks(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const look = ${LOOK};
    const looks = new WeakMap();
    const selector = 'a[href], button, input, select, textarea, [tabindex], summary, audio[controls]';
    for (const el of document.querySelectorAll(selector))
      if (el !== document.activeElement) looks.set(el, look(el));
    window.unfocusedLooks = looks;
  })()`);
}

const PROBE_FOCUS = `(() => {
  const el = document.activeElement;
  if (el === null || el === document.body) return null;
  const s = getComputedStyle(el);
  const style = (${LOOK})(el);
  const before = window.unfocusedLooks?.get(el);
  const drawn = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  const rect = el.getBoundingClientRect();
  const labelledBy = el.getAttribute('aria-labelledby');
  const name =
    el.getAttribute('aria-label') ??
    (labelledBy !== null ? document.getElementById(labelledBy)?.textContent : null) ??
    (el.labels?.[0]?.textContent || el.textContent || el.getAttribute('title') || '');
  return {
    key: el.dataset?.testid ?? (el.id !== '' ? '#' + el.id : el.tagName.toLowerCase()),
    name: name.trim().replace(/\\s+/g, ' '),
    inDialog: el.closest('[role="dialog"], [role="alertdialog"], dialog') !== null,
    inMain: el.closest('main') !== null,
    visible: rect.width > 0 && rect.height > 0 && s.visibility !== 'hidden',
    ring: drawn && style !== before,
    style,
    x: rect.x,
    y: rect.y,
  };
})()`;

function probeFocus(page: Page): Promise<Focused | null> {
  return page.evaluate<Focused | null>(PROBE_FOCUS);
}

async function press(page: Page, key: string): Promise<Focused | null> {
  await page.keyboard.press(key);
  return probeFocus(page);
}

/**
 * Tabs on until `stop` says so (or `max` presses), returning each element the focus visited; a
 * date field's segments count once. Every stop must be visible and show its focus ring.
 */
async function tabUntil(
  page: Page,
  stop: (focused: Focused | null) => boolean,
  max: number,
  key = 'Tab',
): Promise<Focused[]> {
  const visited: Focused[] = [];
  for (let i = 0; i < max; i += 1) {
    const focused = await press(page, key);
    if (focused !== null && visited.at(-1)?.key !== focused.key) visited.push(focused);
    if (stop(focused)) return visited;
  }
  throw new Error(`focus never got there in ${max} × ${key}: ${visited.map((f) => f.key).join(' → ')}`);
}

function expectAllShowFocus(visited: readonly Focused[]): void {
  const hidden = visited.filter((f) => !f.visible).map((f) => f.key);
  const noRing = visited.filter((f) => !f.ring).map((f) => `${f.key} (${f.style})`);
  expect(hidden, 'focus never lands on something invisible').toEqual([]);
  expect(noRing, 'every focused element shows a focus indicator').toEqual([]);
}

const focusedKey = (page: Page): Promise<string | null> => probeFocus(page).then((f) => f?.key ?? null);

async function openStation(page: Page, fragment: string): Promise<void> {
  await page.goto(stationPageUrl(host.url, { path: 'index.html', fragment }));
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
  await snapshotUnfocusedLooks(page);
}

/** Follows a header link with the keyboard: Shift+Tab back to it from wherever the focus is. */
async function goToScreen(page: Page, screen: string): Promise<void> {
  await tabUntil(page, (f) => f?.key === `nav-${screen}`, 80, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#${screen}$`));
  await snapshotUnfocusedLooks(page);
}

const NAV = [
  ['nav-station', 'Live'],
  ['nav-consultation', 'Consultation'],
  ['nav-records', 'Records'],
  ['nav-check', 'Equipment check'],
  ['nav-settings', 'Settings'],
] as const;

test('skip link, header navigation in visual order, a focus ring on every stop of the live screen', async ({
  page,
}) => {
  await state.noActiveConsultation();
  await openStation(page, 'station');
  await expect(page.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2').first()).toHaveText(/\d/);
  await snapshotUnfocusedLooks(page);

  const skip = await press(page, 'Tab');
  expect(skip?.key, 'the first Tab reaches the skip link').toBe('skip-link');
  expect(skip?.name).toBe('Skip to main content');

  const nav: Focused[] = [];
  for (let i = 0; i < NAV.length; i += 1) {
    const focused = await press(page, 'Tab');
    if (focused !== null) nav.push(focused);
  }
  expect(nav.map((f) => [f.key, f.name])).toEqual(NAV.map(([id, name]) => [id, name]));
  // Visual order: left to right on one line (or top to bottom should the bar wrap).
  for (let i = 1; i < nav.length; i += 1) {
    const [a, b] = [nav[i - 1], nav[i]];
    expect(b !== undefined && a !== undefined && (b.x > a.x || b.y > a.y), `${b?.key} after ${a?.key}`).toBe(
      true,
    );
  }
  expectAllShowFocus([...(skip === null ? [] : [skip]), ...nav]);

  // Back to the skip link; Enter puts the focus on the live screen's <main>, and Tab goes on in it.
  const back = await tabUntil(page, (f) => f?.key === 'skip-link', NAV.length, 'Shift+Tab');
  expect(back.map((f) => f.key)).toEqual([
    ...NAV.map(([id]) => id)
      .reverse()
      .slice(1),
    'skip-link',
  ]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#station$/);
  expect(await page.evaluate(`document.activeElement.matches('main.station-layout')`)).toBe(true);
  // Tab goes on from <main>: into it (the device area, which scrolls with many devices, is a stop
  // of its own), or (nothing to operate in it) round to the top of the page, never back to the
  // header it skipped.
  const mainHasStops = await page.evaluate<boolean>(
    `document.querySelector('main.station-layout').querySelector('a[href], button:not(:disabled), input, select, textarea, [tabindex="0"]') !== null`,
  );
  const first = await press(page, 'Tab');
  if (mainHasStops) expect(first?.inMain, `after main, Tab goes into it (${first?.key})`).toBe(true);
  else expect(first?.key, 'after an empty main, Tab goes round to the top').toBe('skip-link');

  // Once round the whole screen, from the skip link back to it: every stop visible and ringed.
  if (first?.key !== 'skip-link') await tabUntil(page, (f) => f?.key === 'skip-link', 80);
  const walk = await tabUntil(page, (f) => f === null || f.key === 'skip-link', 80);
  expect(walk.map((f) => f.key)).toEqual(
    expect.arrayContaining([...NAV.map(([id]) => id), 'call-gate-start']),
  );
  expectAllShowFocus(walk.filter((f) => f.key !== 'skip-link'));
});

/** The start form's stops, in screen order, with no companion and nothing typed yet. */
const FORM_ORDER = [
  '#consult-familyName',
  '#consult-givenNames',
  '#consult-usedGivenName',
  // The birth date: day, month, year (DateFields, named by their test ids).
  'consult-birthDate-day',
  'consult-birthDate-month',
  'consult-birthDate-year',
  '#consult-sex',
  '#consult-birthPlace',
  '#consult-identityStatus',
  '#consult-ins',
  '#consult-insuranceNumber',
  '#consult-motive',
  'accompanying-none',
  'consent-teleconsultation',
  'consent-device-data',
  '#consult-recordedBy',
  'consultation-start',
];

test('consultation: start form by keyboard, invalid then valid; end dialog traps and returns focus', async ({
  page,
}) => {
  await state.noActiveConsultation();
  await openStation(page, 'station');
  await page.keyboard.press('Tab');
  await goToScreen(page, 'consultation');
  await expect(page.getByTestId('consultation-start-form')).toBeVisible();
  await snapshotUnfocusedLooks(page);

  const walk = await tabUntil(page, (f) => f?.key === 'consultation-start', 40);
  const inForm = walk.filter((f) => f.inMain).map((f) => f.key);
  expect(inForm).toEqual(FORM_ORDER);
  expectAllShowFocus(walk);

  // Enter on the empty form: refused, and the focus goes to the first field in error.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error-familyName')).toBeVisible();
  expect(await focusedKey(page)).toBe('#consult-familyName');

  await page.keyboard.type('Dupont');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Marie');
  await page.keyboard.press('Tab'); // the given name used: left empty
  await page.keyboard.press('Tab');
  await page.keyboard.type('12051985'); // day, month, year (en-GB): each full part moves on by itself
  await expect(page.locator('#consult-birthDate')).toHaveValue('12');
  await expect(page.locator('#consult-birthDate-month')).toHaveValue('05');
  await expect(page.locator('#consult-birthDate-year')).toHaveValue('1985');
  await tabUntil(page, (f) => f?.key === '#consult-sex', 4);
  await page.keyboard.type('F'); // type-ahead in a closed <select>
  await expect(page.locator('#consult-sex')).toHaveValue('female');
  await tabUntil(page, (f) => f?.key === 'accompanying-none', 7);
  await page.keyboard.press('ArrowRight'); // radios: arrows move the choice
  await expect(page.getByTestId('accompanying-present')).toBeChecked();
  await expect(page.getByTestId('accompanying-present')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await focusedKey(page)).toBe('#consult-accompanyingName');
  await page.keyboard.type('Léa Garnier');
  // Everything but the consent: Enter refuses, and the focus goes to the consent box.
  await tabUntil(page, (f) => f?.key === 'consent-teleconsultation', 4);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('consent-device-data')).toBeChecked();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('consent-device-data')).not.toBeChecked();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  expect(await focusedKey(page)).toBe('#consult-recordedBy');
  await page.keyboard.type('Léa Garnier');
  await page.keyboard.press('Enter'); // implicit submission from a text field
  await expect(page.getByTestId('error-consentTeleconsultation')).toBeVisible();
  expect(await focusedKey(page)).toBe('consent-teleconsultation');
  await expect(page.getByTestId('consultation-active')).toHaveCount(0);

  await page.keyboard.press('Space');
  await expect(page.getByTestId('consent-teleconsultation')).toBeChecked();
  await tabUntil(page, (f) => f?.key === '#consult-recordedBy', 3);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('consultation-active')).toBeVisible();
  await expect(page.getByTestId('consultation-banner')).toHaveAttribute('data-active', 'true');
  // The form is gone with the focus in it: the focus must land on the new view, not on <body>.
  const afterStart = await probeFocus(page);
  expect(afterStart?.inMain, `focus after the start: ${afterStart?.key ?? 'body'}`).toBe(true);

  // End consultation: the dialog takes the focus, keeps it, and gives it back on Escape.
  await snapshotUnfocusedLooks(page);
  await tabUntil(page, (f) => f?.key === 'consultation-end', 40);
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('consultation-end-dialog');
  await expect(dialog).toBeVisible();
  const opened = await probeFocus(page);
  expect(opened?.inDialog, `focus in the dialog on opening (${opened?.key})`).toBe(true);
  const round: Focused[] = [];
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    const focused = await press(page, key);
    expect(focused?.inDialog, `${key} stays in the dialog (${focused?.key ?? 'body'})`).toBe(true);
    if (focused !== null) round.push(focused);
  }
  expect(new Set(round.map((f) => f.key)).size, 'Tab reaches both answers').toBe(2);
  expectAllShowFocus(round);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await focusedKey(page), 'Escape gives the focus back to the opener').toBe('consultation-end');
  await expect(page.getByTestId('consultation-active')).toBeVisible();

  // Again, and this time end it: Tab to the confirm button, Enter.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabUntil(page, (f) => f?.key === 'consultation-end-dialog-confirm', 3);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('consultation-start-form')).toBeVisible();
  const afterEnd = await probeFocus(page);
  expect(afterEnd?.inMain, `focus after the end: ${afterEnd?.key ?? 'body'}`).toBe(true);
  await expect(page.getByTestId('consultation-banner')).toHaveAttribute('data-active', 'false');
});

/** Whether the page behind a dialog is out of reach: the header and the screen's own controls are `inert`. */
const behindIsInert = (page: Page): Promise<boolean> =>
  page.evaluate<boolean>(`['nav-records', 'record-back'].every(
    (id) => document.querySelector('[data-testid="' + id + '"]')?.closest('[inert]') != null,
  )`);

/** The record (data-id) whose row holds the focus, if any. */
const focusedRecord = (page: Page): Promise<string | null> =>
  page.evaluate<string | null>(
    `document.activeElement?.closest('[data-testid="records-item"]')?.dataset.id ?? null`,
  );

test('records: open with Enter, exports in reach, delete dialog by keyboard, the focus never drops', async ({
  page,
}) => {
  await state.noActiveConsultation();
  // Two closed records, the newer first in the list: one to delete, one to come back to.
  const ids: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const { id } = await state.call<{ id: string }>('consultation.start', START_BODY);
    await state.call('consultation.end', { id });
    ids.push(id);
  }
  const [older, newer] = ids;
  await openStation(page, 'records');
  await expect(page.getByTestId('records-list')).toBeVisible();

  const toList = await tabUntil(page, (f) => f?.key === 'records-open', 12);
  expectAllShowFocus(toList);
  expect(await focusedRecord(page), 'newest first').toBe(newer);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('record-detail')).toBeVisible();
  expect(await focusedKey(page), 'the detail starts on its first control').toBe('record-back');

  // Back with Enter: the focus returns to the record's own button in the list.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('records-list')).toBeVisible();
  expect(await focusedKey(page)).toBe('records-open');
  expect(await focusedRecord(page), 'back on the record it left').toBe(newer);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('record-delete')).toBeVisible();

  // Every export in reach and ringed on the way to the delete button.
  await snapshotUnfocusedLooks(page);
  const walk = await tabUntil(page, (f) => f?.key === 'record-delete', 40);
  const keys = walk.map((f) => f.key);
  for (const key of ['export-language', 'export-report-pdf', 'export-fhir-json', 'export-care-sheet-pdf'])
    expect(keys, key).toContain(key);
  expectAllShowFocus(walk);
  // An export by Enter keeps the focus on its button while it runs and after.
  await tabUntil(page, (f) => f?.key === 'export-fhir-json', 10, 'Shift+Tab');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await download;
  await expect(page.getByTestId('export-status')).toHaveAttribute('data-kind', 'done');
  expect(await focusedKey(page), 'an export leaves the focus on its button').toBe('export-fhir-json');

  // The delete dialog: the page behind inert, Escape gives the focus back.
  await tabUntil(page, (f) => f?.key === 'record-delete', 10);
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('record-delete-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  expect((await probeFocus(page))?.inDialog, 'focus in the dialog').toBe(true);
  expect(await behindIsInert(page), 'the page behind is inert while the dialog is open').toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await behindIsInert(page), 'and no longer once it is closed').toBe(false);
  expect(await focusedKey(page), 'Escape gives the focus back to the opener').toBe('record-delete');

  // Confirmed: the record is gone, and the focus lands on the list's title, not on <body>.
  await page.keyboard.press('Enter');
  await tabUntil(page, (f) => f?.key === 'record-delete-dialog-confirm', 3);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('records-list')).toBeVisible();
  await expect(page.locator(`[data-testid="records-item"][data-id="${newer}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid="records-item"][data-id="${older}"]`)).toHaveCount(1);
  const afterDelete = await probeFocus(page);
  expect(afterDelete?.key, `focus after the deletion: ${afterDelete?.key ?? 'body'}`).toBe('h1');
  expect(afterDelete?.inMain).toBe(true);
  expect(await behindIsInert(page)).toBe(false);
  // Tab goes on from the title into the list.
  expect(await press(page, 'Tab').then((f) => f?.key)).toBe('records-open');
});

test('settings: a wrong PIN sent with the button keeps the focus, and the wait is announced', async ({
  page,
}) => {
  // Its own locked host: three wrong PINs start a retry delay the other tests must not inherit.
  const locked = await startLockedHost();
  try {
    await page.goto(stationPageUrl(locked.url, { path: 'index.html', fragment: 'settings' }));
    await expect(page.getByTestId('pin-gate')).toBeVisible();
    await tabUntil(page, (f) => f?.key === 'pin-gate-input', 12);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await page.keyboard.type('1111');
      await page.keyboard.press('Tab');
      expect(await focusedKey(page)).toBe('pin-gate-unlock');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('pin-gate-feedback-error')).toContainText(/Wrong PIN/);
      // The PIN was cleared: the focus is where the next one is typed, never on <body>.
      await expect(page.getByTestId('pin-gate-input')).toBeFocused();
      await expect(page.getByTestId('pin-gate-input')).toHaveValue('');
    }
    // The third one starts the wait: said in the alert, and the button says so without losing focus.
    await expect(page.getByTestId('pin-gate-feedback-error')).toContainText(/Try again in \d+ s/);
    const unlock = page.getByTestId('pin-gate-unlock');
    await expect(unlock).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.type(KIOSK_PIN);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // refused by the page during the wait: no call, no change
    expect(await focusedKey(page), 'a waiting button keeps the focus').toBe('pin-gate-unlock');
    await expect(page.getByTestId('pin-gate')).toBeVisible();
    expect((await new StationState(locked.url).call<{ locked: boolean }>('kiosk.status')).locked).toBe(true);
  } finally {
    await locked.stop();
  }
});

test('settings: PIN gate by keyboard, then the form is reachable and saves with Enter', async ({ page }) => {
  expect((await state.call<{ locked: boolean }>('kiosk.status')).locked).toBe(true);
  await openStation(page, 'settings');
  await expect(page.getByTestId('pin-gate')).toBeVisible();
  await expect(page.getByTestId('settings-form')).toHaveCount(0);

  const toGate = await tabUntil(page, (f) => f?.key === 'pin-gate-input', 12);
  expect(toGate.map((f) => f.key)).toEqual(['skip-link', ...NAV.map(([id]) => id), 'pin-gate-input']);
  expectAllShowFocus(toGate);
  await page.keyboard.type(KIOSK_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settings-form')).toBeVisible();
  expect((await state.call<{ locked: boolean }>('kiosk.status')).locked).toBe(false);
  const afterUnlock = await probeFocus(page);
  expect(afterUnlock?.inMain, `focus after the unlock: ${afterUnlock?.key ?? 'body'}`).toBe(true);

  // Every control of the unlocked screen in reach, ringed; the operator's name typed and saved.
  await snapshotUnfocusedLooks(page);
  const walk = await tabUntil(page, (f) => f === null || f.key === 'skip-link', 60);
  const keys = walk.map((f) => f.key);
  for (const key of ['#setting-language', '#setting-operatorName', '#setting-retentionDays', 'settings-save'])
    expect(keys, key).toContain(key);
  expect(keys.indexOf('#setting-language')).toBeLessThan(keys.indexOf('settings-save'));
  expectAllShowFocus(walk.filter((f) => f.key !== 'skip-link'));

  await tabUntil(page, (f) => f?.key === '#setting-operatorName', 20);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Inès Morel');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settings-feedback-ok')).toBeVisible();
  expect((await state.call<{ operatorName: string }>('settings.get')).operatorName).toBe('Inès Morel');
  expect(await focusedKey(page), 'saving keeps the focus where it was').toBe('#setting-operatorName');
});

test('settings: "Lock settings now" with Enter brings the PIN gate back, announced, the focus kept', async ({
  page,
}) => {
  // Its own locked host: the shared one stays unlocked for the tests that expect it.
  const locked = await startLockedHost();
  try {
    await page.goto(stationPageUrl(locked.url, { path: 'index.html', fragment: 'settings' }));
    await expect(page.getByTestId('pin-gate')).toBeVisible();
    await tabUntil(page, (f) => f?.key === 'pin-gate-input', 12);
    await page.keyboard.type(KIOSK_PIN);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('settings-form')).toBeVisible();
    await snapshotUnfocusedLooks(page);

    // The first control after the heading: a nurse leaving the cart finds it at once.
    const toLock = await tabUntil(page, (f) => f?.key === 'lock-now-button', 4);
    expectAllShowFocus(toLock);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('pin-gate')).toBeVisible();
    await expect(page.getByTestId('settings-form')).toHaveCount(0);
    await expect(page.getByTestId('lock-notice')).toHaveText('Settings locked.');
    const after = await probeFocus(page);
    expect(after?.inMain, `focus after the lock: ${after?.key ?? 'body'}`).toBe(true);
    expect((await new StationState(locked.url).call<{ locked: boolean }>('kiosk.status')).locked).toBe(true);
    // Tab goes on to where the PIN is typed.
    await tabUntil(page, (f) => f?.key === 'pin-gate-input', 2);
  } finally {
    await locked.stop();
  }
});

test('equipment check: run with Enter, the focus stays on the button, the results are in reach', async ({
  page,
}) => {
  await openStation(page, 'check');
  await tabUntil(page, (f) => f?.key === 'check-run', 12);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('check-summary')).toBeVisible({ timeout: 30_000 });
  expect(await focusedKey(page), 'a finished run leaves the focus on its button').toBe('check-run');

  await snapshotUnfocusedLooks(page);
  const walk = await tabUntil(page, (f) => f === null || f.key === 'skip-link', 40);
  const keys = walk.map((f) => f.key);
  for (const key of ['check-export-json', 'check-print', 'check-play-tone', 'check-speakers-heard'])
    expect(keys, key).toContain(key);
  expectAllShowFocus(walk.filter((f) => f.key !== 'skip-link'));

  // The speakers answer, by keyboard, lands in the results.
  await tabUntil(page, (f) => f?.key === 'check-speakers-heard', 40, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('check-item-audio.speakers')).toHaveAttribute('data-status', 'pass');
});
