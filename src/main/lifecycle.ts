import type { App, PowerMonitor } from 'electron';
import type { ShellLog } from './shell-log';

/**
 * App-level lifecycle rules, taking `app` as an argument so tests drive them with a fake.
 */

/** How long quitting waits for the backend to close ports and flush recordings. */
export const BACKEND_CLOSE_TIMEOUT_MS = 5000;

export type LifecycleApp = Pick<App, 'on' | 'quit'>;

/**
 * A station is a single-purpose app: when its window closes, it quits — on macOS too, where apps
 * usually stay in the dock, because a station left running without a window still holds the
 * serial ports and HID devices.
 */
export function quitWhenAllWindowsClose(app: LifecycleApp): void {
  app.on('window-all-closed', () => app.quit());
}

/**
 * `before-quit` cannot be awaited, so the first one is cancelled, the backend is closed (serial
 * ports released, recordings flushed), and the quit is repeated. A backend that hangs or fails
 * still lets the app quit after `timeoutMs`: the ports are released by the OS on exit anyway.
 */
export function closeBackendBeforeQuit(
  app: LifecycleApp,
  close: () => Promise<void>,
  log: ShellLog,
  timeoutMs = BACKEND_CLOSE_TIMEOUT_MS,
): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log.error('backend did not close in time; quitting anyway', { timeoutMs });
        resolve();
      }, timeoutMs);
    });
    const closing = close().catch((cause: unknown) => {
      log.error('backend failed to close cleanly', { cause: String(cause) });
    });
    void Promise.race([closing, timeout]).then(() => {
      clearTimeout(timer);
      state = 'closed';
      app.quit();
    });
  });
}

/**
 * Whether the app is really going away: a quit was asked for (`before-quit`, also sent by macOS at
 * log-out) or Linux/macOS is shutting down (Windows' session end is the window's own event,
 * handled in kiosk-guards.ts). A kiosk window refuses to close otherwise, and must never hold up
 * a shutdown.
 */
export function trackQuitting(app: Pick<App, 'on'>, powerMonitor: Pick<PowerMonitor, 'on'>): () => boolean {
  let quitting = false;
  const mark = () => {
    quitting = true;
  };
  app.on('before-quit', mark);
  powerMonitor.on('shutdown', mark);
  return () => quitting;
}
