/**
 * Stands in for the `electron` module under jest: its binary does not exist on build machines, and
 * the shell's modules take their Electron objects as injected fakes anyway. Anything reaching for a
 * real Electron API from a test fails loudly here.
 */
function unavailable(name: string): never {
  throw new Error(`electron.${name} is not available in tests: inject a fake instead`);
}

export const app = new Proxy({}, { get: (_t, p) => unavailable(`app.${String(p)}`) });
export const ipcMain = new Proxy({}, { get: (_t, p) => unavailable(`ipcMain.${String(p)}`) });
export const safeStorage = new Proxy({}, { get: (_t, p) => unavailable(`safeStorage.${String(p)}`) });
export const shell = new Proxy({}, { get: (_t, p) => unavailable(`shell.${String(p)}`) });
export class BrowserWindow {
  constructor() {
    unavailable('BrowserWindow');
  }
}
export default { app, ipcMain, safeStorage, shell, BrowserWindow };
