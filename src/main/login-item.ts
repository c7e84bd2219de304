import type { App } from 'electron';

/**
 * Kiosk stations start at login. Electron registers login items on Windows and macOS only; on
 * Linux the autostart entry is a file the installer places (build/teleconsult-station-kiosk.desktop,
 * docs/RELEASE.md). Only a packaged app registers itself: in development the "app" would be the
 * bare Electron binary.
 */
export function syncLoginItem(
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged'>,
  platform: NodeJS.Platform,
  kiosk: boolean,
): void {
  if (!app.isPackaged || (platform !== 'win32' && platform !== 'darwin')) return;
  app.setLoginItemSettings({ openAtLogin: kiosk });
}
