import type { WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-origin';
import { hasBluetoothChooser } from './bluetooth-chooser';
import type { ShellLog } from './shell-log';

/**
 * Keeps every web contents on our own bundle (Electron security checklist items 11–15). The station
 * never shows remote content: a link, a redirect, a `window.open` or a `<webview>` that would leave
 * `app://station` is refused. External links are not handed to the OS browser either — there is no
 * `shell.openExternal` anywhere in the shell — because on a kiosk that would open a desktop browser
 * on a patient-facing screen. Web Bluetooth's picker is cancelled except where our chooser runs.
 */

export type NavigationDecision = 'allow' | 'deny';

export function decideNavigation(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

export function decideWindowOpen(): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Installed on every web contents the app creates (`web-contents-created`), not only the window. */
export function installNavigationGuards(contents: GuardedContents, log: ShellLog): void {
  const refuse = (kind: string, url: string, event: { preventDefault(): void }): void => {
    if (decideNavigation(url) === 'allow') return;
    event.preventDefault();
    log.warn(`${kind} refused: the station only shows its own pages`, { url: clip(url) });
  };
  contents.on('will-navigate', (event) => refuse('navigation', event.url, event));
  contents.on('will-frame-navigate', (event) => refuse('frame navigation', event.url, event));
  contents.on('will-redirect', (event) => refuse('redirect', event.url, event));
  contents.setWindowOpenHandler((details) => {
    log.warn('window.open refused: the station opens no other windows', { url: clip(details.url) });
    return decideWindowOpen();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('<webview> refused: the station embeds no other content');
  });
  // The station window has its own chooser (bluetooth-chooser.ts); everything else is cancelled.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    if (hasBluetoothChooser(contents)) return;
    event.preventDefault();
    log.warn('Web Bluetooth selection cancelled: only the station window has a chooser');
    callback('');
  });
}

function clip(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
