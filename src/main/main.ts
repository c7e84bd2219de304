/**
 * Electron entry point (bundled to dist/main/main.cjs): the composition root of the station's
 * desktop shell. It wires Electron to the core and adds nothing else — every decision lives in a
 * module that is unit-tested with fakes (window-options, permissions, navigation, app-protocol,
 * ipc-bridge, lifecycle, station-signaling, bluetooth-chooser). Only our own bundle is ever
 * loaded, from app://station/.
 */
import path from 'node:path';
import {
  app,
  ipcMain,
  Menu,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  safeStorage,
  session,
  type BrowserWindow,
} from 'electron';
import { createBackend } from '../core/backend';
import { KIOSK_PIN_FILE_NAME } from '../core/kiosk/pin-file';
import { hostCheckConfig } from '../core/check/host-check-config';
import type { SettingsStore } from '../core/settings/settings-store';
import { createAppProtocolHandler, installAppProtocol, registerAppScheme } from './app-protocol';
import { ElectronSettingsStore } from './electron-settings-store';
import { isTrustedSender, registerBackend } from './ipc-bridge';
import { ConsultationActivity } from './consultation-activity';
import { WindowKioskHost } from './kiosk-window-host';
import { closeBackendBeforeQuit, quitWhenAllWindowsClose, trackQuitting } from './lifecycle';
import { syncLoginItem } from './login-item';
import { installNavigationGuards } from './navigation';
import { installPermissionPolicy } from './permissions';
import { consoleLog } from './shell-log';
import { rendezvousConfigFrom } from './rendezvous-config';
import { openElectronRecords } from './safe-storage-key';
import { startStationSignaling, type StationSignaling } from './station-signaling';
import { openStationWindow } from './window';

const log = consoleLog;
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';
// This file is dist/main/main.cjs once built; the preload and the renderer sit beside it.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');

// Both must happen before `ready`: privileged schemes are only accepted then, and the sandbox
// applies to every renderer, including any created by a library.
registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second station on the same machine would fight the first for the serial ports.
  app.quit();
} else {
  let stationWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (stationWindow === null || stationWindow.isDestroyed()) return;
    if (stationWindow.isMinimized()) stationWindow.restore();
    stationWindow.focus();
  });
  // Every web contents, not just ours: nothing may navigate away, open windows or attach webviews.
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents, log));
  quitWhenAllWindowsClose(app);

  app
    .whenReady()
    .then(async () => {
      const settings = new ElectronSettingsStore({ cwd: app.getPath('userData'), log });
      const isQuitting = trackQuitting(app, powerMonitor);
      // electron-store registers a sync IPC listener that answers any sender with the user-data
      // path, for stores created in a renderer. Ours never does, and every IPC entry point must
      // check its sender (checklist item 17), so that listener is removed.
      ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
      const signaling = await startSignalingOrNone(settings);
      // The encrypted consultation records in userData, their key wrapped by the OS key store.
      const records = openElectronRecords({ userData: app.getPath('userData'), safeStorage, settings, log });
      // Kiosk mode: the window the core's kiosk.* drive (attached when it opens); the PIN file.
      const kioskHost = new WindowKioskHost(settings.get().kiosk);
      const backend = createBackend({
        host: 'electron',
        version: app.getVersion(),
        settings,
        records,
        kiosk: { pinFile: path.join(app.getPath('userData'), KIOSK_PIN_FILE_NAME), host: kioskHost },
        ...(signaling === null ? {} : { call: signaling.call }),
        check: hostCheckConfig({
          settings,
          embeddedUrl: () => signaling?.embeddedUrl ?? null,
          turnSecret: rendezvousConfigFrom(process.env).config.turnSecret,
        }),
      });
      closeBackendBeforeQuit(
        app,
        async () => {
          // The backend first (ports, recordings), then the signaling host, even if the first failed.
          await backend.close().finally(() => signaling?.close());
        },
        log,
      );

      const ses = session.defaultSession;
      installPermissionPolicy(ses, log);
      installAppProtocol(
        ses.protocol,
        createAppProtocolHandler({
          root: RENDERER_ROOT,
          log,
          connectSources: () => signaling?.connectSources() ?? [],
        }),
      );
      registerBackend(ipcMain, backend, isTrustedSender, log);
      // The default menu offers reload, DevTools and quit: nothing a station's users need, and
      // all of it a way out of a kiosk. Development builds keep it.
      if (app.isPackaged || settings.get().kiosk) Menu.setApplicationMenu(null);
      syncLoginItem(app, process.platform, settings.get().kiosk);
      settings.onDidChange((changed) => syncLoginItem(app, process.platform, changed.kiosk));
      const activity = new ConsultationActivity(backend, powerSaveBlocker);
      app.once('will-quit', () => activity.close());
      stationWindow = openStationWindow({
        backend,
        settings,
        ipc: ipcMain,
        preloadPath: PRELOAD_PATH,
        devTools: !app.isPackaged,
        log,
        kiosk: {
          host: kioskHost,
          powerMonitor,
          isQuitting,
          consultationActive: () => activity.active,
        },
      });
    })
    .catch((cause: unknown) => {
      log.error('the station could not start', {
        cause: cause instanceof Error ? cause.stack : String(cause),
      });
      app.exit(1);
    });
}

/**
 * The call's signaling; a station whose rendezvous server cannot start (port taken, bad signing
 * key) still shows its vitals: the call methods then answer `unavailable`.
 */
async function startSignalingOrNone(settings: SettingsStore): Promise<StationSignaling | null> {
  try {
    return await startStationSignaling({
      dataDir: app.getPath('userData'),
      settings,
      staticDir: RENDERER_ROOT,
      env: process.env,
      log,
    });
  } catch (cause) {
    log.error('the rendezvous server could not start: calls are unavailable', { cause: String(cause) });
    return null;
  }
}
