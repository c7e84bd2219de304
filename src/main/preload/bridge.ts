import type { ContextBridge, IpcRenderer } from 'electron';
import { isApiEvent, isApiMethod } from '../../shared/api-names';
import { eventChannel, invokeChannel } from '../../shared/channels';
import {
  BLUETOOTH_ANSWER_CHANNEL,
  BLUETOOTH_DEVICES_CHANNEL,
  bluetoothChooserAnswerSchema,
  PRELOAD_GLOBAL,
  type BluetoothChooserBridge,
  type PreloadBridge,
} from '../../shared/preload-api';
import { err, type Result } from '../../shared/result';

/**
 * The whole surface the page gets: invoke a contract method, subscribe to a contract event, and
 * the Bluetooth chooser's two fixed channels (devices in, one answer out). Names
 * are checked against the contract before `ipcRenderer` is touched, so the page cannot reach any
 * other channel (Element's preload allowlist, VS Code `validateIPC`); `ipcRenderer` and its event
 * objects never cross into the page (Electron security checklist item 20). The main process checks
 * the sender and the parameters again: this is the first of two gates, not the only one.
 */

export type RendererIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener' | 'send'>;

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
      return subscribe(ipc, channel, listener as (payload: unknown) => void);
    },
    bluetoothChooser: createBluetoothChooserBridge(ipc),
  });
}

function createBluetoothChooserBridge(ipc: RendererIpc): BluetoothChooserBridge {
  return Object.freeze({
    onDevices(listener: unknown): () => void {
      if (typeof listener !== 'function') throw new TypeError('onDevices: listener must be a function');
      // The offer is passed on as sent; the renderer validates it against the shared schema.
      return subscribe(ipc, BLUETOOTH_DEVICES_CHANNEL, listener as (payload: unknown) => void);
    },
    choose(answer: unknown): void {
      const parsed = bluetoothChooserAnswerSchema.safeParse(answer);
      if (!parsed.success) throw new TypeError('choose: expected { requestId, deviceId | null }');
      ipc.send(BLUETOOTH_ANSWER_CHANNEL, parsed.data);
    },
  });
}

/** Only the payload reaches the page; the IpcRendererEvent (which carries `sender`) stays here. */
function subscribe(ipc: RendererIpc, channel: string, listener: (payload: unknown) => void): () => void {
  const relay = (_event: unknown, payload: unknown): void => {
    listener(payload);
  };
  ipc.on(channel, relay);
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    ipc.removeListener(channel, relay);
  };
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
