import type { BrowserWindowConstructorOptions } from 'electron';

/** Dark clinical background painted before the first frame, so a kiosk never flashes white. */
export const WINDOW_BACKGROUND = '#0f1a1f';

export interface MainWindowConfig {
  /** Absolute path of the bundled preload (dist/main/preload.cjs). */
  readonly preloadPath: string;
  /** From settings: a wall-mounted or cart station runs full screen with no way out to the desktop. */
  readonly kiosk: boolean;
  /** DevTools only in development builds; a packaged station has none. */
  readonly devTools: boolean;
  readonly title?: string;
  readonly iconPath?: string;
}

/**
 * The BrowserWindow options, pure so every hardening flag is asserted by a unit test. Each flag is
 * set explicitly even when it matches Electron's current default: a default can change in a major
 * upgrade, an explicit value cannot (Electron security checklist items 2–4, 6, 8–11).
 */
export function mainWindowOptions(config: MainWindowConfig): BrowserWindowConstructorOptions {
  if (typeof config.preloadPath !== 'string' || config.preloadPath.length === 0) {
    throw new TypeError('mainWindowOptions: "preloadPath" must be a non-empty absolute path');
  }
  return {
    title: config.title ?? 'Teleconsult Station',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    // Shown on 'ready-to-show' so the first paint is the UI, not an empty frame.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: true,
    kiosk: config.kiosk,
    fullscreen: config.kiosk,
    ...(config.iconPath === undefined ? {} : { icon: config.iconPath }),
    webPreferences: {
      preload: config.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would try to open a link in a new window: refused anyway (navigation.ts), but
      // the event itself is not needed by the station.
      disableBlinkFeatures: 'Auxclick',
      // Spellcheck would send typed clinical notes to a dictionary service on some platforms.
      spellcheck: false,
      // A file dropped on the window must not replace the UI with the file's contents.
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: config.devTools,
      // Waveforms and the call keep running when another window covers the station.
      backgroundThrottling: false,
    },
  };
}
