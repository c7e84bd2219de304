/**
 * Preload of the station window, bundled by scripts/build.mjs into one CommonJS file
 * (dist/main/preload.cjs): a sandboxed preload's `require` is a polyfill that can load `electron`
 * and a few built-ins, not our modules. Keep imports to `electron` and src/shared.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposePreloadBridge } from './bridge';

exposePreloadBridge(contextBridge, ipcRenderer);
