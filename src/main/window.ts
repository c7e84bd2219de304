import { BrowserWindow } from 'electron';
import type { Backend } from '../core/backend-types';
import type { SettingsStore } from '../core/settings/settings-store';
import { APP_ENTRY_URL } from './app-origin';
import { installBluetoothChooser, type ChooserIpc } from './bluetooth-chooser';
import { forwardEvents } from './ipc-bridge';
import { installKioskGuards, type KioskGuardDeps } from './kiosk-guards';
import type { WindowKioskHost } from './kiosk-window-host';
import type { ShellLog } from './shell-log';
import { mainWindowOptions } from './window-options';

const MAX_CRASH_RELOADS = 3;

export interface StationWindowDeps {
  readonly backend: Pick<Backend, 'on'>;
  readonly settings: SettingsStore;
  /** Where the Bluetooth chooser's answers arrive (`ipcMain`). */
  readonly ipc: ChooserIpc;
  readonly preloadPath: string;
  readonly devTools: boolean;
  readonly iconPath?: string;
  readonly log: ShellLog;
  /** Kiosk mode: the host the core's `kiosk.*` drive, and what the guards need from the app. */
  readonly kiosk: Omit<KioskGuardDeps, 'reassertKiosk' | 'log'> & { readonly host: WindowKioskHost };
}

/**
 * The one station window: hardened options, backend events forwarded to it for as long as it
 * lives, the Web Bluetooth chooser, kiosk mode following the setting with its guards
 * (kiosk-guards.ts), and only our own entry page ever loaded. Navigation and
 * permission guards are installed app-wide in main.ts (`web-contents-created`, the session).
 */
export function openStationWindow(deps: StationWindowDeps): BrowserWindow {
  const options = mainWindowOptions({
    preloadPath: deps.preloadPath,
    kiosk: deps.settings.get().kiosk,
    devTools: deps.devTools,
    ...(deps.iconPath === undefined ? {} : { iconPath: deps.iconPath }),
  });
  // The isolation flags again, literally, at the one place a window is made: they win over
  // anything spread before them, and electronegativity (which reads one file at a time and cannot
  // follow `mainWindowOptions`) verifies them here. test/main/main.test.ts holds both in step.
  const window = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  forwardEvents(deps.backend, window.webContents, deps.log);
  // Before any page runs: a `requestDevice` must never meet Electron's pick-the-first default.
  installBluetoothChooser(window.webContents, deps.ipc, { log: deps.log });
  deps.kiosk.host.attach(window);
  installKioskGuards(window, {
    ...deps.kiosk,
    reassertKiosk: () => deps.kiosk.host.reassert(),
    log: deps.log,
  });
  // Follow the setting when it changes, not on every settings change: a PIN exit from kiosk mode
  // lasts until the setting is changed or the station restarts.
  let kioskSetting = deps.settings.get().kiosk;
  const stopKioskSync = deps.settings.onDidChange((settings) => {
    if (settings.kiosk === kioskSetting) return;
    kioskSetting = settings.kiosk;
    deps.kiosk.host.followSetting(settings.kiosk);
  });
  window.once('closed', stopKioskSync);
  window.once('ready-to-show', () => window.show());
  // A crashed page on a wall-mounted station would stay blank until someone restarts it: reload,
  // but only a few times, so a page that crashes on load does not spin forever.
  let reloadsLeft = MAX_CRASH_RELOADS;
  window.webContents.on('render-process-gone', (_event, details) => {
    deps.log.error('station page crashed', { reason: details.reason, reloadsLeft });
    if (details.reason === 'clean-exit' || reloadsLeft === 0 || window.isDestroyed()) return;
    reloadsLeft -= 1;
    void window.loadURL(APP_ENTRY_URL);
  });
  window.loadURL(APP_ENTRY_URL).catch((cause: unknown) => {
    deps.log.error('station page failed to load', { cause: String(cause) });
  });
  return window;
}
