import { mainWindowOptions, WINDOW_BACKGROUND } from '../../src/main/window-options';

describe('mainWindowOptions', () => {
  const base = { preloadPath: '/app/dist/main/preload.cjs', kiosk: false, devTools: false };

  it('sets every hardening flag explicitly', () => {
    const prefs = mainWindowOptions(base).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    // Not merely false-y: the option must be absent.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('paints the background colour and waits for ready-to-show', () => {
    const options = mainWindowOptions(base);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND);
    expect(options.show).toBe(false);
  });

  it('takes kiosk and full screen from settings', () => {
    expect(mainWindowOptions(base)).toMatchObject({ kiosk: false, fullscreen: false });
    expect(mainWindowOptions({ ...base, kiosk: true })).toMatchObject({ kiosk: true, fullscreen: true });
  });

  it('allows DevTools only when asked (development builds)', () => {
    expect(mainWindowOptions({ ...base, devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('refuses a missing preload path', () => {
    expect(() => mainWindowOptions({ ...base, preloadPath: '' })).toThrow(TypeError);
  });
});
