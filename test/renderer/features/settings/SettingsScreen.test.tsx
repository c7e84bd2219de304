import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { KioskStatus } from '../../../../src/shared/api';
import { DEFAULT_SETTINGS, settingsPatchSchema, type Settings } from '../../../../src/shared/domain/settings';
import { StationSession } from '../../../../src/renderer/app/station-session';
import { BackendCallError } from '../../../../src/renderer/backend-client/backend-client';
import { SettingsScreen } from '../../../../src/renderer/features/settings/SettingsScreen';
import { I18nProvider } from '../../../../src/renderer/i18n/I18nProvider';
import { ScriptedClient, type Handlers } from '../../app/scripted-client';

const unlockedStatus: KioskStatus = { kiosk: false, pinSet: false, locked: false };

/** A backend keeping settings like the real one: patches validated, merged, returned. */
function setup(handlers: Handlers = {}, locale: 'en' | 'fr' = 'en') {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  const client = new ScriptedClient({
    'settings.update': (patch) => {
      stored = { ...stored, ...settingsPatchSchema.parse(patch) };
      return stored;
    },
    ...handlers,
  });
  const session = new StationSession(client);
  session.settings.set(stored);
  const view = render(
    <I18nProvider locale={locale}>
      <SettingsScreen session={session} />
    </I18nProvider>,
  );
  return { client, session, view };
}

const settle = () => act(async () => {});
const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('SettingsScreen without PIN protection on the host', () => {
  it('says the PIN is unavailable, shows per-field errors, sends nothing until they are fixed', async () => {
    const { client } = setup();
    await settle();
    expect(screen.getByTestId('pin-unavailable').textContent).toContain(
      'PIN protection unavailable on this host',
    );
    type(/No-data timeout/, '0');
    type('STUN servers', 'stun:ok.example.org\nhttp://wrong.example.org');
    type(/Rendezvous server URL/, 'https://not-a-websocket');
    fireEvent.click(screen.getByTestId('settings-save'));
    await settle();
    expect(screen.getByTestId('setting-noDataTimeoutS-error').textContent).toContain('from 1 to 120');
    expect(screen.getByTestId('setting-stunUrls-error').textContent).toContain('Line 2');
    expect(screen.getByTestId('setting-rendezvousUrl-error').textContent).toContain('ws://');
    expect(screen.getByTestId('settings-feedback-error').textContent).toContain('3 fields need correcting.');
    expect(screen.getByLabelText(/No-data timeout/).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText(/No-data timeout/)); // first wrong field
    expect(client.paramsOf('settings.update')).toEqual([]);

    type(/No-data timeout/, '10');
    type('STUN servers', 'stun:ok.example.org\n\nstuns:two.example.org:5349');
    type(/Rendezvous server URL/, 'wss://rv.example.org/signal');
    // No kiosk on this host (a browser on the Node host): the checkbox says so and cannot be ticked.
    const kiosk = screen.getByLabelText<HTMLInputElement>(/Kiosk mode/);
    expect(kiosk.disabled).toBe(true);
    expect(document.getElementById('setting-kiosk-hint')?.textContent).toMatch(
      /^Applies to the installed station only/,
    );
    fireEvent.click(screen.getByTestId('settings-save'));
    await settle();
    // Only what changed is sent.
    expect(client.paramsOf('settings.update')).toEqual([
      {
        noDataTimeoutS: 10,
        stunUrls: ['stun:ok.example.org', 'stuns:two.example.org:5349'],
        rendezvousUrl: 'wss://rv.example.org/signal',
      },
    ]);
    expect(screen.getByTestId('settings-feedback-ok').textContent).toContain('Settings saved.');
    expect(screen.queryByTestId('setting-noDataTimeoutS-error')).toBeNull();
  });

  it('reports a backend refusal as an alert and keeps the edits', async () => {
    setup({
      'settings.update': () => {
        throw new BackendCallError('unavailable', 'records: disk-full: /x/settings.json: the disk is full');
      },
    });
    await settle();
    type(/Operator name/, 'Inf. Dupont');
    fireEvent.click(screen.getByTestId('settings-save'));
    await settle();
    expect(screen.getByTestId('settings-feedback-error').textContent).toContain(
      'Settings not saved: The disk is full: nothing more can be recorded. Free some space on this computer.',
    );
    expect(screen.getByLabelText<HTMLInputElement>(/Operator name/).value).toBe('Inf. Dupont');
  });
});

describe('SettingsScreen behind the PIN', () => {
  afterEach(() => jest.useRealTimers());

  it('shows only the PIN entry when locked; a wrong PIN gives the retry delay; the right one opens the settings', async () => {
    jest.useFakeTimers(); // the retry delay, waited out below
    let status: KioskStatus = { kiosk: true, pinSet: true, locked: true };
    const { client } = setup({
      'kiosk.status': () => status,
      'kiosk.unlock': ({ pin }) => {
        if (pin !== '2468') return { unlocked: false, retryAfterS: 3, refusal: null };
        status = { ...status, locked: false };
        return { unlocked: true, retryAfterS: null, refusal: null };
      },
    });
    await settle();
    expect(screen.queryByTestId('settings-form')).toBeNull();
    const pin = screen.getByTestId('pin-gate-input');
    expect(pin.getAttribute('inputmode')).toBe('numeric');
    expect(pin.getAttribute('autocomplete')).toBe('off');
    expect(pin.getAttribute('type')).toBe('password');

    fireEvent.change(pin, { target: { value: '1111' } });
    fireEvent.click(screen.getByTestId('pin-gate-unlock'));
    await settle();
    expect(screen.getByTestId('pin-gate-feedback-error').textContent).toContain(
      'Wrong PIN. Try again in 3 s.',
    );
    expect(screen.queryByTestId('settings-form')).toBeNull();
    // The PIN was cleared and the focus put back in it; the button waits without losing its focus.
    expect(document.activeElement).toBe(pin);
    const unlock = screen.getByTestId('pin-gate-unlock');
    expect(unlock.hasAttribute('disabled')).toBe(false);
    expect(unlock.getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(pin, { target: { value: '2468' } });
    fireEvent.submit(screen.getByTestId('pin-gate'));
    await settle();
    expect(client.paramsOf('kiosk.unlock')).toEqual([{ pin: '1111' }]); // nothing sent during the wait

    act(() => jest.advanceTimersByTime(3000));
    expect(unlock.getAttribute('aria-disabled')).toBe('false');
    fireEvent.submit(screen.getByTestId('pin-gate'));
    await settle();
    expect(client.paramsOf('kiosk.unlock')).toEqual([{ pin: '1111' }, { pin: '2468' }]);
    expect(screen.getByTestId('settings-form')).toBeTruthy();
    expect(screen.getByTestId('kiosk-exit')).toBeTruthy(); // in kiosk mode: the way out, with the PIN
    expect(within(screen.getByTestId('kiosk-exit')).getByLabelText('PIN')).toBeTruthy();
  });

  it('a PIN that is not 4 to 12 digits is refused before it reaches the backend', async () => {
    const { client } = setup({ 'kiosk.status': () => ({ kiosk: false, pinSet: true, locked: true }) });
    await settle();
    fireEvent.change(screen.getByTestId('pin-gate-input'), { target: { value: '12a' } });
    expect(screen.getByTestId<HTMLInputElement>('pin-gate-input').value).toBe('12'); // digits only
    fireEvent.click(screen.getByTestId('pin-gate-unlock'));
    await settle();
    expect(screen.getByTestId('pin-gate-feedback-error').textContent).toContain('4 to 12 digits');
    expect(client.paramsOf('kiosk.unlock')).toEqual([]);
  });

  it('goes back to the PIN when a save is refused as locked (the unlock expired)', async () => {
    let status = unlockedStatus;
    setup({
      'kiosk.status': () => status,
      'settings.update': () => {
        status = { kiosk: false, pinSet: true, locked: true };
        throw new BackendCallError('forbidden', 'settings are locked');
      },
    });
    await settle();
    type(/Operator name/, 'Dr Martin');
    fireEvent.click(screen.getByTestId('settings-save'));
    await settle();
    expect(screen.getByTestId('pin-gate')).toBeTruthy();
    expect(screen.queryByTestId('settings-form')).toBeNull();
  });

  it('keeps the settings closed when the lock state cannot be read (timeout), until a retry reads it', async () => {
    let answer: () => KioskStatus = () => {
      throw new BackendCallError('timeout', 'no answer within 10 s');
    };
    setup({ 'kiosk.status': () => answer() });
    await settle();
    // The screen words the code; the backend's own text (English, for the log) never shows.
    expect(screen.getByTestId('kiosk-status-failed').textContent).toContain(
      'The station did not answer in time',
    );
    expect(screen.getByTestId('kiosk-status-failed').textContent).not.toContain('no answer within 10 s');
    expect(screen.queryByTestId('settings-form')).toBeNull();
    answer = () => unlockedStatus;
    fireEvent.click(within(screen.getByTestId('kiosk-status-failed')).getByRole('button'));
    await settle();
    expect(screen.getByTestId('settings-form')).toBeTruthy();
  });

  it('on the installed station (a host with a kiosk), the kiosk checkbox can be ticked and saved', async () => {
    const { client } = setup({ 'kiosk.status': () => unlockedStatus });
    await settle();
    const kiosk = screen.getByLabelText<HTMLInputElement>(/Kiosk mode/);
    expect(kiosk.disabled).toBe(false);
    expect(document.getElementById('setting-kiosk-hint')?.textContent).toMatch(/^For cart and wall stations/);
    fireEvent.click(kiosk);
    fireEvent.click(screen.getByTestId('settings-save'));
    await settle();
    expect(client.paramsOf('settings.update')).toEqual([{ kiosk: true }]);
  });

  it('follows kiosk.changed pushed by the backend', async () => {
    const { client } = setup({ 'kiosk.status': () => unlockedStatus });
    await settle();
    expect(screen.getByTestId('settings-form')).toBeTruthy();
    act(() => client.emit('kiosk.changed', { kiosk: false, pinSet: true, locked: true }));
    expect(screen.getByTestId('pin-gate')).toBeTruthy();
  });
});

describe('the PIN section', () => {
  it('sets a PIN (typed twice), then changing or removing it asks for the current one', async () => {
    let status = unlockedStatus;
    const { client } = setup({
      'kiosk.status': () => status,
      'kiosk.setPin': ({ currentPin, newPin }) => {
        if (status.pinSet && currentPin !== '1357') throw new BackendCallError('forbidden', 'wrong PIN');
        status = { ...status, pinSet: newPin !== null };
        return status;
      },
    });
    await settle();
    const section = () => within(screen.getByTestId('pin-section'));
    expect(section().queryByLabelText('Current PIN')).toBeNull();
    fireEvent.change(section().getByLabelText('New PIN'), { target: { value: '1357' } });
    fireEvent.change(section().getByLabelText('Repeat the new PIN'), { target: { value: '1358' } });
    fireEvent.click(section().getByTestId('pin-save'));
    await settle();
    expect(section().getByTestId('pin-feedback-error').textContent).toContain('The two new PINs differ.');
    fireEvent.change(section().getByLabelText('Repeat the new PIN'), { target: { value: '1357' } });
    fireEvent.click(section().getByTestId('pin-save'));
    await settle();
    expect(section().getByTestId('pin-feedback-ok').textContent).toContain('PIN saved.');

    fireEvent.change(section().getByLabelText('Current PIN'), { target: { value: '0000' } });
    fireEvent.click(section().getByTestId('pin-clear'));
    await settle();
    expect(section().getByTestId('pin-feedback-error').textContent).toContain('The current PIN is wrong.');
    fireEvent.change(section().getByLabelText('Current PIN'), { target: { value: '1357' } });
    fireEvent.click(section().getByTestId('pin-clear'));
    await settle();
    expect(section().getByTestId('pin-feedback-ok').textContent).toContain('PIN removed.');
    expect(client.paramsOf('kiosk.setPin')).toEqual([
      { currentPin: null, newPin: '1357' },
      { currentPin: '0000', newPin: null },
      { currentPin: '1357', newPin: null },
    ]);
  });
});

describe('SettingsScreen in French', () => {
  it('speaks French, errors included', async () => {
    setup({}, 'fr');
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Réglages');
    expect(screen.getByTestId('pin-unavailable').textContent).toContain(
      'Protection par code PIN indisponible sur cet hôte.',
    );
    type(/Délai sans données/, 'abc');
    fireEvent.click(screen.getByTestId('settings-save'));
    await settle();
    expect(screen.getByTestId('setting-noDataTimeoutS-error').textContent).toContain(
      'Saisissez un nombre entier de secondes entre 1 et 120.',
    );
    expect(screen.getByTestId('settings-feedback-error').textContent).toContain('Un champ est à corriger.');
  });
});

describe('the PIN refused unchecked (the attempt could not be recorded)', () => {
  const notRecorded = () => new BackendCallError('unavailable', 'attempt-not-recorded');

  it('says why and what to do at the PIN gate, without a wait, and keeps the settings closed', async () => {
    const { client } = setup({
      'kiosk.status': () => ({ kiosk: true, pinSet: true, locked: true }),
      'kiosk.unlock': () => ({ unlocked: false, retryAfterS: null, refusal: 'attempt-not-recorded' }),
    });
    await settle();
    const pin = screen.getByTestId('pin-gate-input');
    fireEvent.change(pin, { target: { value: '2468' } });
    fireEvent.click(screen.getByTestId('pin-gate-unlock'));
    await settle();
    const alert = screen.getByTestId('pin-gate-feedback-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('could not record this attempt');
    expect(alert.textContent).toContain('Free some space on the station’s disk or call your IT support');
    expect(alert.textContent).not.toContain('Wrong PIN');
    expect(screen.queryByTestId('settings-form')).toBeNull();
    expect(document.activeElement).toBe(pin);
    // No wait to sit out: the next try goes straight to the backend.
    expect(screen.getByTestId('pin-gate-unlock').getAttribute('aria-disabled')).toBe('false');
    fireEvent.change(pin, { target: { value: '2468' } });
    fireEvent.submit(screen.getByTestId('pin-gate'));
    await settle();
    expect(client.paramsOf('kiosk.unlock')).toHaveLength(2);
  });

  it('says it in French too', async () => {
    setup(
      {
        'kiosk.status': () => ({ kiosk: false, pinSet: true, locked: true }),
        'kiosk.unlock': () => ({ unlocked: false, retryAfterS: null, refusal: 'attempt-not-recorded' }),
      },
      'fr',
    );
    await settle();
    fireEvent.change(screen.getByTestId('pin-gate-input'), { target: { value: '2468' } });
    fireEvent.click(screen.getByTestId('pin-gate-unlock'));
    await settle();
    expect(screen.getByTestId('pin-gate-feedback-error').textContent).toContain(
      'la station n’a pas pu enregistrer cette tentative',
    );
    expect(screen.getByTestId('pin-gate-feedback-error').textContent).toContain('Libérez de l’espace');
  });

  it('says the same when changing the PIN or leaving kiosk mode is refused for it', async () => {
    setup({
      'kiosk.status': () => ({ kiosk: true, pinSet: true, locked: false }),
      'kiosk.setPin': () => {
        throw notRecorded();
      },
      'kiosk.exit': () => {
        throw notRecorded();
      },
    });
    await settle();
    const section = within(screen.getByTestId('pin-section'));
    fireEvent.change(section.getByLabelText('Current PIN'), { target: { value: '2468' } });
    fireEvent.change(section.getByLabelText('New PIN'), { target: { value: '1357' } });
    fireEvent.change(section.getByLabelText('Repeat the new PIN'), { target: { value: '1357' } });
    fireEvent.click(section.getByTestId('pin-save'));
    await settle();
    expect(section.getByTestId('pin-feedback-error').textContent).toContain('could not record this attempt');

    const exit = within(screen.getByTestId('kiosk-exit'));
    fireEvent.change(exit.getByLabelText('PIN'), { target: { value: '2468' } });
    fireEvent.click(exit.getByTestId('kiosk-exit-button'));
    await settle();
    expect(exit.getByTestId('kiosk-exit-feedback-error').textContent).toContain(
      'could not record this attempt',
    );
  });
});

describe('locking', () => {
  it('locks right after a PIN is set: the PIN gate replaces the settings, and a status says why', async () => {
    let status = unlockedStatus;
    setup({
      'kiosk.status': () => status,
      'kiosk.setPin': ({ newPin }) => {
        status = { ...status, pinSet: newPin !== null, locked: newPin !== null };
        return status;
      },
    });
    await settle();
    const section = within(screen.getByTestId('pin-section'));
    fireEvent.change(section.getByLabelText('New PIN'), { target: { value: '1357' } });
    fireEvent.change(section.getByLabelText('Repeat the new PIN'), { target: { value: '1357' } });
    section.getByTestId('pin-save').focus();
    fireEvent.click(section.getByTestId('pin-save'));
    await settle();
    expect(screen.getByTestId('pin-gate')).toBeTruthy();
    expect(screen.queryByTestId('settings-form')).toBeNull();
    const notice = screen.getByTestId('lock-notice');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toBe('PIN saved. The settings are locked: enter the PIN to change them.');
    // The button pressed is gone: the focus is on the screen's heading, not lost on <body>.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });

  it('"Lock settings now" is there only while a PIN is set and the settings are open', async () => {
    const { client } = setup({ 'kiosk.status': () => unlockedStatus });
    await settle();
    expect(screen.getByTestId('settings-form')).toBeTruthy();
    expect(screen.queryByTestId('lock-now')).toBeNull();
    act(() => client.emit('kiosk.changed', { kiosk: false, pinSet: true, locked: false }));
    expect(screen.getByRole('button', { name: 'Lock settings now' })).toBeTruthy();
    act(() => client.emit('kiosk.changed', { kiosk: false, pinSet: true, locked: true }));
    expect(screen.queryByTestId('lock-now')).toBeNull();
    // Locked by the timeout, not by the user: nothing claims a lock was asked for.
    expect(screen.getByTestId('lock-notice').textContent).toBe('');
  });

  it('locks now with the button: the PIN gate comes back, announced, and the focus is kept on the page', async () => {
    let status: KioskStatus = { kiosk: false, pinSet: true, locked: false };
    const { client } = setup({
      'kiosk.status': () => status,
      'kiosk.lock': () => (status = { ...status, locked: true }),
      'kiosk.unlock': () => {
        status = { ...status, locked: false };
        return { unlocked: true, retryAfterS: null, refusal: null };
      },
    });
    await settle();
    const button = screen.getByRole('button', { name: 'Lock settings now' });
    expect(button.getAttribute('aria-describedby')).toBe('lock-now-explain');
    button.focus();
    fireEvent.click(button);
    await settle();
    expect(client.paramsOf('kiosk.lock')).toEqual([{}]);
    expect(screen.getByTestId('pin-gate')).toBeTruthy();
    expect(screen.queryByTestId('settings-form')).toBeNull();
    expect(screen.getByTestId('lock-notice').textContent).toBe('Settings locked.');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));

    // Unlocked again: the notice is gone, the button is back.
    fireEvent.change(screen.getByTestId('pin-gate-input'), { target: { value: '2468' } });
    fireEvent.submit(screen.getByTestId('pin-gate'));
    await settle();
    expect(screen.getByTestId('settings-form')).toBeTruthy();
    expect(screen.getByTestId('lock-notice').textContent).toBe('');
    expect(screen.getByTestId('lock-now')).toBeTruthy();
  });

  it('says so when the lock fails, and leaves the settings as they are', async () => {
    setup({
      'kiosk.status': () => ({ kiosk: false, pinSet: true, locked: false }),
      'kiosk.lock': () => {
        throw new BackendCallError('timeout', 'no answer within 10 s');
      },
    });
    await settle();
    fireEvent.click(screen.getByTestId('lock-now-button'));
    await settle();
    expect(screen.getByTestId('lock-now-feedback-error').textContent).toContain(
      'Settings not locked: The station did not answer in time. Try again.',
    );
    expect(screen.getByTestId('settings-form')).toBeTruthy();
  });

  it('speaks French', async () => {
    setup({ 'kiosk.status': () => ({ kiosk: false, pinSet: true, locked: false }) }, 'fr');
    await settle();
    expect(screen.getByRole('button', { name: 'Verrouiller les réglages maintenant' })).toBeTruthy();
  });
});
