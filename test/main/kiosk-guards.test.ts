import { EventEmitter } from 'node:events';
import { installKioskGuards, STATION_SCREEN_URL } from '../../src/main/kiosk-guards';
import { FakeBrowserWindow, preventable, recordingLog } from '../helpers/fake-electron';

function setup(kiosk: boolean) {
  const window = new FakeBrowserWindow({ kiosk });
  void window.loadURL('app://station/index.html#consultation');
  const powerMonitor = new EventEmitter();
  const state = { quitting: false, consultation: false, reasserts: 0 };
  const log = recordingLog();
  installKioskGuards(window as never, {
    powerMonitor: powerMonitor as never,
    isQuitting: () => state.quitting,
    reassertKiosk: () => {
      state.reasserts += 1;
    },
    consultationActive: () => state.consultation,
    log,
  });
  const press = (key: string, mods: Record<string, boolean> = {}) => {
    const event = preventable();
    const input = { type: 'keyDown', key, control: false, meta: false, alt: false, shift: false, ...mods };
    window.webContents.emit('before-input-event', event, input);
    return event.defaultPrevented;
  };
  return { window, powerMonitor, state, log, press };
}

describe('kiosk guards', () => {
  it('swallows leave/reload/DevTools shortcuts only in kiosk mode', () => {
    const kiosk = setup(true);
    expect(kiosk.press('w', { control: true })).toBe(true);
    expect(kiosk.press('F12')).toBe(true);
    expect(kiosk.press('Tab')).toBe(false);
    const laptop = setup(false);
    expect(laptop.press('w', { control: true })).toBe(false);
  });

  it('refuses to close a kiosk window unless the app is quitting or the session ends', () => {
    const { window, state, log } = setup(true);
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(log.warnings).toEqual([expect.stringMatching(/close refused/)]);
    state.quitting = true;
    window.close();
    expect(window.isDestroyed()).toBe(true);

    const other = setup(true);
    other.window.emit('session-end');
    other.window.close();
    expect(other.window.isDestroyed()).toBe(true);
    const laptop = setup(false);
    laptop.window.close();
    expect(laptop.window.isDestroyed()).toBe(true);
  });

  it('after resume: back in kiosk, to the front, on the station screen (same page, new fragment)', () => {
    const { window, powerMonitor, state } = setup(true);
    window.minimized = true;
    powerMonitor.emit('resume');
    expect(state.reasserts).toBe(1);
    expect(window.minimized).toBe(false);
    expect(window.shown).toBe(true);
    expect(window.focused).toBe(true);
    expect(window.loaded.at(-1)).toBe(STATION_SCREEN_URL);
    expect(STATION_SCREEN_URL).toBe('app://station/index.html#station');
    const loads = window.loaded.length;
    powerMonitor.emit('unlock-screen');
    expect(window.loaded).toHaveLength(loads); // already there
  });

  it('leaves a consultation in progress on its screen, and a non-kiosk window alone', () => {
    const busy = setup(true);
    busy.state.consultation = true;
    busy.powerMonitor.emit('resume');
    expect(busy.window.loaded.at(-1)).toBe('app://station/index.html#consultation');
    expect(busy.window.focused).toBe(true);

    const laptop = setup(false);
    laptop.powerMonitor.emit('resume');
    expect(laptop.window.focused).toBe(false);
    expect(laptop.window.loaded.at(-1)).toBe('app://station/index.html#consultation');
  });
});
