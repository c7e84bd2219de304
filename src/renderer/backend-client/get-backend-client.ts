import { PRELOAD_GLOBAL, type PreloadBridge } from '../../shared/preload-api';
import type { BackendClient } from './backend-client';
import { IpcBackendClient } from './ipc-client';
import { WsBackendClient } from './ws-client';
import { httpAccessCheck } from './access-check';

/**
 * Picks the host transport once: the Electron preload bridge when it exists, otherwise a WebSocket
 * to the Node host that served this page (same origin, path /api).
 */
export function getBackendClient(win: Window = window): BackendClient {
  const bridge = (win as unknown as Record<string, PreloadBridge | undefined>)[PRELOAD_GLOBAL];
  if (bridge !== undefined) return new IpcBackendClient(bridge);
  const url = apiUrlFor(win.location);
  return new WsBackendClient(url, { checkAccess: httpAccessCheck(url) });
}

export function apiUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api`;
}
