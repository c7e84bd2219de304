/**
 * Stands in for the `electron` module under jest: its binary does not exist on build machines, and
 * the shell's modules take their Electron objects as injected fakes anyway. Anything reaching for a
 * real Electron API from a test fails loudly here.
 */
function unavailable(name: string): never {
  throw new Error(`electron.${name} is not available in tests: inject a fake instead`);
}

function throwingModule(name: string): object {
  return new Proxy({}, { get: (_t, p) => unavailable(`${name}.${String(p)}`) });
}

export const app = throwingModule('app');
export const ipcMain = throwingModule('ipcMain');
export const ipcRenderer = throwingModule('ipcRenderer');
export const contextBridge = throwingModule('contextBridge');
export const protocol = throwingModule('protocol');
export const session = throwingModule('session');
export const safeStorage = throwingModule('safeStorage');
export const shell = throwingModule('shell');
export class BrowserWindow {
  constructor() {
    unavailable('BrowserWindow');
  }
}

/**
 * The default export mirrors what `require('electron')` really is in plain Node: the path of the
 * Electron binary (a string), with no `app` or `ipcMain` on it. electron-store reads those from the
 * default export and, when they are absent, runs its documented plain-Node path that needs an
 * absolute `cwd` — which is how tests open it on a temp folder.
 */
export default '/nonexistent/electron (binary not available in tests)';
