import { EventEmitter } from 'node:events';
import { closeBackendBeforeQuit, quitWhenAllWindowsClose, type LifecycleApp } from '../../src/main/lifecycle';
import { preventable, recordingLog } from '../helpers/fake-electron';

/** `app` as the lifecycle rules use it: events, and a quit that re-emits before-quit like Electron. */
class FakeApp extends EventEmitter {
  quits = 0;
  lastBeforeQuit: ReturnType<typeof preventable> | undefined;

  quit(): void {
    this.quits += 1;
    const event = preventable();
    this.lastBeforeQuit = event;
    this.emit('before-quit', event);
  }
}

const asApp = (app: FakeApp) => app as unknown as LifecycleApp;

describe('lifecycle', () => {
  it('quits when the last window closes, on every platform', () => {
    const app = new FakeApp();
    quitWhenAllWindowsClose(asApp(app));
    app.emit('window-all-closed');
    expect(app.quits).toBe(1);
  });

  it('holds the quit until the backend has closed, then quits for real', async () => {
    const app = new FakeApp();
    let finishClose!: () => void;
    const close = jest.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    closeBackendBeforeQuit(asApp(app), close, recordingLog());

    app.quit();
    expect(app.lastBeforeQuit!.defaultPrevented).toBe(true);
    app.quit(); // a second request while closing is held too, and does not close twice
    expect(app.lastBeforeQuit!.defaultPrevented).toBe(true);
    expect(close).toHaveBeenCalledTimes(1);

    finishClose();
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.quits).toBe(3);
    expect(app.lastBeforeQuit!.defaultPrevented).toBe(false);
  });

  it('still quits when the backend fails to close, and logs it', async () => {
    const app = new FakeApp();
    const log = recordingLog();
    closeBackendBeforeQuit(asApp(app), () => Promise.reject(new Error('port busy')), log);
    app.quit();
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.quits).toBe(2);
    expect(log.errors).toEqual([expect.stringMatching(/failed to close/)]);
  });

  it('still quits when the backend hangs, after the timeout', async () => {
    jest.useFakeTimers();
    try {
      const app = new FakeApp();
      const log = recordingLog();
      closeBackendBeforeQuit(asApp(app), () => new Promise<void>(() => {}), log, 1000);
      app.quit();
      await jest.advanceTimersByTimeAsync(1000);
      expect(app.quits).toBe(2);
      expect(log.errors).toEqual([expect.stringMatching(/did not close in time/)]);
    } finally {
      jest.useRealTimers();
    }
  });
});
