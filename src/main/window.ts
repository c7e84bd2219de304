import { BrowserWindow } from 'electron';
import type { Backend } from '../core/backend-types';
import type { SettingsStore } from '../core/settings/settings-store';
import { APP_ENTRY_URL } from './app-origin';
import { installBluetoothChooser, type ChooserIpc } from './bluetooth-chooser';
import { forwardEvents } from './ipc-bridge';
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
}

/**
 * The one station window: hardened options, backend events forwarded to it for as long as it
 * lives, the Web Bluetooth chooser, kiosk mode following the setting, and only our own entry page
 * ever loaded. Navigation and
 * permission guards are installed app-wide in main.ts (`web-contents-created`, the session).
 */
export function openStationWindow(deps: StationWindowDeps): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: deps.preloadPath,
      kiosk: deps.settings.get().kiosk,
      devTools: deps.devTools,
      ...(deps.iconPath === undefined ? {} : { iconPath: deps.iconPath }),
    }),
  );
  forwardEvents(deps.backend, window.webContents, deps.log);
  // Before any page runs: a `requestDevice` must never meet Electron's pick-the-first default.
  installBluetoothChooser(window.webContents, deps.ipc, { log: deps.log });
  const stopKioskSync = deps.settings.onDidChange((settings) => {
    if (!window.isDestroyed() && window.isKiosk() !== settings.kiosk) window.setKiosk(settings.kiosk);
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
