import type { BrowserWindow, PowerMonitor } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { isBlockedInKiosk, type KeyInput } from './kiosk-shortcuts';
import type { ShellLog } from './shell-log';

export type GuardedWindow = Pick<
  BrowserWindow,
  'on' | 'once' | 'isDestroyed' | 'isKiosk' | 'isMinimized' | 'restore' | 'show' | 'focus' | 'loadURL'
> & {
  readonly webContents: Pick<BrowserWindow['webContents'], 'on' | 'getURL'>;
};

export interface KioskGuardDeps {
  readonly powerMonitor: Pick<PowerMonitor, 'on'>;
  /** True once the app is really quitting (OS shutdown, `kiosk.exit` then close, an update). */
  readonly isQuitting: () => boolean;
  /** Puts the window back into kiosk mode if it should be (WindowKioskHost.reassert). */
  readonly reassertKiosk: () => void;
  /** A consultation in progress stays on its screen after resume; otherwise the station screen. */
  readonly consultationActive: () => boolean;
  readonly log: ShellLog;
}

/** The screen a kiosk shows after sleep: the station's home (App.tsx routes by fragment). */
export const STATION_SCREEN_URL = `${APP_ENTRY_URL}#station`;

/**
 * What keeps a kiosk station on its page: shortcuts that would close, reload or leave it are
 * swallowed, closing the window is refused (Alt+F4 arrives as a close request, not as a key), and
 * after sleep or a screen lock the window comes back to the front, in kiosk mode, on the station
 * screen. Outside kiosk mode none of this applies: a laptop behaves like any app.
 */
export function installKioskGuards(window: GuardedWindow, deps: KioskGuardDeps): void {
  window.webContents.on('before-input-event', (event, input: KeyInput) => {
    if (window.isKiosk() && isBlockedInKiosk(input)) event.preventDefault();
  });
  // Windows ends the session window by window: a kiosk must not hold up a log-off or shutdown.
  let sessionEnding = false;
  window.once('session-end', () => {
    sessionEnding = true;
  });
  window.on('close', (event) => {
    if (window.isKiosk() && !deps.isQuitting() && !sessionEnding) {
      event.preventDefault();
      deps.log.warn('kiosk: window close refused (leave kiosk mode with the PIN first)');
    }
  });
  const bringBack = (why: string) => {
    if (window.isDestroyed()) return;
    deps.reassertKiosk();
    if (!window.isKiosk()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (!deps.consultationActive() && window.webContents.getURL() !== STATION_SCREEN_URL) {
      // Only the fragment differs from the loaded page: a same-document navigation, no reload.
      window.loadURL(STATION_SCREEN_URL).catch((cause: unknown) => {
        deps.log.error('kiosk: could not return to the station screen', { why, cause: String(cause) });
      });
    }
  };
  deps.powerMonitor.on('resume', () => bringBack('resume'));
  deps.powerMonitor.on('unlock-screen', () => bringBack('unlock-screen'));
}
