import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  API_EVENT_NAMES,
  API_METHOD_NAMES,
  type ApiMethod,
  type BackendApi,
  type BackendEventSource,
} from '../shared/api';
import { parseRequest } from '../shared/api-schema';
import { eventChannel, invokeChannel } from '../shared/channels';
import { err, ok, toAppError, type Result } from '../shared/result';
import { isAppUrl } from './app-origin';
import { consoleLog, type ShellLog } from './shell-log';

/**
 * The backend contract over Electron IPC: one `ipcMain.handle` per contract method, nothing else.
 * Every call is checked in the same order — who sent it, is it well-formed, then the core — and
 * answered with the Result envelope, because `handle` would serialise a thrown error down to its
 * message (VS Code `validatedIpcMain`, Signal `wrapResult`).
 */

export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) => boolean;

/**
 * Electron security checklist item 17: the sender must be our page's main frame. A frame that has
 * navigated away or been destroyed reports `senderFrame === null`: refused, since we cannot tell
 * what sent the message.
 */
export const isTrustedSender: SenderCheck = (event) => {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
};

export type IpcHandlerRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Registers the contract's methods; returns a function that removes exactly those handlers. */
export function registerBackend(
  ipcMain: IpcHandlerRegistry,
  backend: { readonly api: BackendApi },
  senderCheck: SenderCheck = isTrustedSender,
  log: ShellLog = consoleLog,
): () => void {
  const channels = API_METHOD_NAMES.map((method) => {
    const channel = invokeChannel(method);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, params: unknown) =>
      handleCall(method, event, params),
    );
    return channel;
  });

  async function handleCall(
    method: ApiMethod,
    event: IpcMainInvokeEvent,
    params: unknown,
  ): Promise<Result<unknown>> {
    if (!safeCheck(senderCheck, event)) {
      log.warn('IPC call refused: sender is not the station page', { method, sender: describeSender(event) });
      return err('forbidden', `${method}: sender is not the station page`);
    }
    const request = parseRequest(method, params);
    if (!request.ok) return request;
    try {
      const call = backend.api[method] as (params: unknown) => Promise<unknown>;
      return ok(await call(request.value.params));
    } catch (cause) {
      return { ok: false, error: toAppError(cause) };
    }
  }

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

export type EventSink = Pick<WebContents, 'send' | 'isDestroyed' | 'once' | 'getURL'>;

/**
 * Forwards every contract event to one window's page until that window's contents are destroyed
 * (or the returned function is called). Events reach only contents passed here — a window the
 * shell created — and only while it shows our own page.
 */
export function forwardEvents(
  backend: BackendEventSource,
  contents: EventSink,
  log: ShellLog = consoleLog,
): () => void {
  const failed = new Set<string>();
  const unsubscribes = API_EVENT_NAMES.map((name) =>
    backend.on(name, (payload) => {
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
      try {
        contents.send(eventChannel(name), payload);
      } catch (cause) {
        // Reported once per event name: readings arrive many times a second.
        if (!failed.has(name))
          log.error('IPC event could not be sent', { event: name, cause: String(cause) });
        failed.add(name);
      }
    }),
  );
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
  contents.once('destroyed', stop);
  return stop;
}

function safeCheck(check: SenderCheck, event: IpcMainInvokeEvent): boolean {
  try {
    return check(event);
  } catch {
    return false; // a sender we cannot inspect is not a sender we trust
  }
}

function describeSender(event: IpcMainInvokeEvent): string {
  try {
    const frame = event.senderFrame;
    if (frame === null) return '(no frame)';
    return `${frame.parent === null ? 'main' : 'sub'} frame at ${frame.url.slice(0, 200)}`;
  } catch {
    return '(unreadable)';
  }
}
