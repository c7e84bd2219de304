import { EventEmitter } from 'node:events';
import { trackQuitting } from '../../src/main/lifecycle';
import { syncLoginItem } from '../../src/main/login-item';
import { FakeElectronApp } from '../helpers/fake-electron';

describe('start at login (kiosk)', () => {
  it('registers a packaged kiosk station on Windows and macOS, and unregisters it', () => {
    const app = new FakeElectronApp('/tmp');
    syncLoginItem(app, 'win32', true);
    syncLoginItem(app, 'darwin', false);
    expect(app.loginItems).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('does nothing on Linux (an autostart file) or in development (the bare Electron binary)', () => {
    const app = new FakeElectronApp('/tmp');
    syncLoginItem(app, 'linux', true);
    app.isPackaged = false;
    syncLoginItem(app, 'win32', true);
    expect(app.loginItems).toEqual([]);
  });
});

describe('trackQuitting', () => {
  it('turns true on before-quit or an OS shutdown', () => {
    const app = new EventEmitter();
    const power = new EventEmitter();
    const quitting = trackQuitting(app as never, power as never);
    expect(quitting()).toBe(false);
    app.emit('before-quit');
    expect(quitting()).toBe(true);
    const other = trackQuitting(new EventEmitter() as never, power as never);
    power.emit('shutdown');
    expect(other()).toBe(true);
  });
});
