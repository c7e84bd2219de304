import type { ContextBridge, IpcRenderer } from 'electron';
import { isApiEvent, isApiMethod } from '../../shared/api-names';
import { eventChannel, invokeChannel } from '../../shared/channels';
import { PRELOAD_GLOBAL, type PreloadBridge } from '../../shared/preload-api';
import { err, type Result } from '../../shared/result';

/**
 * The whole surface the page gets: invoke a contract method, subscribe to a contract event. Names
 * are checked against the contract before `ipcRenderer` is touched, so the page cannot reach any
 * other channel (Element's preload allowlist, VS Code `validateIPC`); `ipcRenderer` and its event
 * objects never cross into the page (Electron security checklist item 20). The main process checks
 * the sender and the parameters again: this is the first of two gates, not the only one.
 */

export type RendererIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createPreloadBridge(ipc: RendererIpc): PreloadBridge {
  return Object.freeze({
    invoke(method: unknown, params: unknown): Promise<Result<unknown>> {
      if (!isApiMethod(method)) {
        return Promise.resolve(err('unknown-method', `unknown method: ${describe(method)}`));
      }
      return (ipc.invoke(invokeChannel(method), params) as Promise<Result<unknown>>).catch((cause: unknown) =>
        // e.g. "No handler registered" while the main process is still starting or shutting down.
        err('unavailable', `${method}: ${cause instanceof Error ? cause.message : String(cause)}`),
      );
    },
    on(event: unknown, listener: unknown): () => void {
      if (!isApiEvent(event)) throw new TypeError(`unknown event: ${describe(event)}`);
      if (typeof listener !== 'function') throw new TypeError(`${event}: listener must be a function`);
      const channel = eventChannel(event);
      // Only the payload is passed on; the IpcRendererEvent (which carries `sender`) stays here.
      const relay = (_event: unknown, payload: unknown): void => {
        (listener as (payload: unknown) => void)(payload);
      };
      ipc.on(channel, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, relay);
      };
    },
  });
}

export function exposePreloadBridge(
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipc: RendererIpc,
): void {
  contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, createPreloadBridge(ipc));
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value;
}
