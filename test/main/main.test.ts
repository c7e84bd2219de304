import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mainWindowOptions } from '../../src/main/window-options';
import { API_METHOD_NAMES, type ApiMethod } from '../../src/shared/api';
import { invokeChannel } from '../../src/shared/channels';
import { BLUETOOTH_ANSWER_CHANNEL } from '../../src/shared/preload-api';
import { fakeElectronRuntime, FakeBrowserWindow, preventable, trustedEvent } from '../helpers/fake-electron';

/**
 * The composition root, run against a fake `electron` module and the real core: checks the order
 * of the security-relevant steps and that the pieces are actually wired together.
 */
describe('main.ts (Electron entry) against a fake electron module', () => {
  let userData: string;
  let electron: ReturnType<typeof fakeElectronRuntime>;

  const start = async (configure: (e: typeof electron) => void = () => {}) => {
    electron = fakeElectronRuntime(userData);
    configure(electron);
    jest.resetModules();
    jest.doMock('electron', () => electron);
    await jest.isolateModulesAsync(async () => {
      await import('../../src/main/main');
    });
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    userData = mkdtempSync(path.join(tmpdir(), 'station-main-'));
    jest.spyOn(console, 'warn').mockImplementation(() => {});
    jest.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(async () => {
    // Release the backend the run created, then the temp folder.
    electron.app.emit('before-quit', preventable());
    await settle();
    jest.dontMock('electron');
    jest.restoreAllMocks();
    rmSync(userData, { recursive: true, force: true });
  });

  it('registers the app scheme and the sandbox before ready, then takes the single-instance lock', async () => {
    await start();
    expect(electron.app.calls).toEqual([
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'requestSingleInstanceLock',
    ]);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('on ready: guards the session, serves app://, bridges the backend, opens one hardened window', async () => {
    await start();
    electron.app.fireReady();
    await settle();
    const ses = electron.session.defaultSession;
    expect(ses.requestHandler).not.toBeNull();
    expect(ses.checkHandler).not.toBeNull();
    expect(ses.deviceHandler).not.toBeNull();
    expect(ses.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(API_METHOD_NAMES.map(invokeChannel).sort());
    // No unchecked IPC listener is left behind (electron-store registers one); the Bluetooth
    // chooser's answer channel checks its sender itself.
    expect([...electron.ipcMain.listeners.keys()]).toEqual([BLUETOOTH_ANSWER_CHANNEL]);

    expect(FakeBrowserWindow.created).toHaveLength(1);
    const window = FakeBrowserWindow.created[0];
    expect(window.loaded).toEqual(['app://station/index.html']);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window.options.webPreferences!.preload).toMatch(/preload\.cjs$/);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('answers a trusted IPC call from the real core, as the electron host', async () => {
    await start();
    electron.app.fireReady();
    await settle();
    const info = await electron.ipcMain.invoke(invokeChannel('app.info'), trustedEvent(), {});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', version: '0.1.0-test' } });
  });

  it('persists settings in the user-data folder and follows the kiosk setting live', async () => {
    await start();
    electron.app.fireReady();
    await settle();
    const window = FakeBrowserWindow.created[0];
    expect(window.kiosk).toBe(false);
    const updated = await electron.ipcMain.invoke(invokeChannel('settings.update'), trustedEvent(), {
      kiosk: true,
    });
    expect(updated).toMatchObject({ ok: true, value: { kiosk: true } });
    expect(window.kiosk).toBe(true);
    expect(readFileSync(path.join(userData, 'settings.json'), 'utf8')).toMatch(/"kiosk": true/);
  });

  it('builds the window from mainWindowOptions, the isolation flags restated on top', async () => {
    await start();
    electron.app.fireReady();
    await settle();
    const { options } = FakeBrowserWindow.created[0];
    const expected = mainWindowOptions({ preloadPath: '/p', kiosk: false, devTools: false });
    const { preload: _preload, ...prefs } = expected.webPreferences!;
    expect(options.webPreferences).toMatchObject(prefs);
    expect(options).toMatchObject({ kiosk: false, show: false, autoHideMenuBar: true });
  });

  it('kiosk: no menu, close refused, PIN exit through the real core', async () => {
    writeFileSync(path.join(userData, 'settings.json'), JSON.stringify({ kiosk: true }));
    await start();
    electron.app.fireReady();
    await settle();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    const window = FakeBrowserWindow.created[0];
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true });
    const call = (method: ApiMethod, params: unknown) =>
      electron.ipcMain.invoke(invokeChannel(method), trustedEvent(), params);

    await expect(call('kiosk.status', {})).resolves.toEqual({
      ok: true,
      value: { kiosk: true, pinSet: false, locked: false },
    });
    await call('kiosk.setPin', { currentPin: null, newPin: '482913' });
    window.close();
    expect(window.isDestroyed()).toBe(false);
    await expect(call('kiosk.exit', { pin: '000000' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(window.kiosk).toBe(true);
    await expect(call('kiosk.exit', { pin: '482913' })).resolves.toEqual({ ok: true, value: null });
    expect(window.kiosk).toBe(false);
    await settle();
    const statuses = window.webContents.sent.filter((m) => m.channel.includes('kiosk.changed'));
    expect(statuses.at(-1)?.payload).toEqual({ kiosk: false, pinSet: true, locked: false });
    // A later settings change (not of `kiosk`) does not put the window back into kiosk mode.
    await call('settings.update', { language: 'fr' });
    expect(window.kiosk).toBe(false);
  });

  it('exits with status 1 when startup fails', async () => {
    await start((e) => {
      e.app.getPath = () => {
        throw new Error('no user data folder');
      };
    });
    electron.app.fireReady();
    await settle();
    expect(electron.app.exitCode).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('installs navigation guards on every web contents', async () => {
    await start();
    electron.app.fireReady();
    await settle();
    const contents = FakeBrowserWindow.created[0].webContents;
    const away = preventable({ url: 'https://example.org/' });
    contents.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('quits when the window closes, closing the backend first', async () => {
    await start();
    electron.app.fireReady();
    await settle();
    FakeBrowserWindow.created[0].close();
    electron.app.emit('window-all-closed');
    // backend.close() stops discovery, which may be waiting on a port listing: give it real time.
    for (let i = 0; i < 200 && electron.app.quits < 2; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(electron.app.quits).toBe(2); // the held quit, then the real one after backend.close()
  });

  it('a second instance quits at once and never opens a window', async () => {
    await start((e) => {
      e.app.hasLock = false;
    });
    electron.app.fireReady();
    await settle();
    expect(electron.app.quits).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});
