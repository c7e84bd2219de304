import type { ApiEvent, ApiMethod } from './api';
import type { Result } from './result';

/**
 * What the Electron preload exposes on `window[PRELOAD_GLOBAL]`, and all it exposes: invoke a
 * contract method, subscribe to a contract event. The renderer's IPC client wraps it; the preload
 * refuses any name not in API_METHODS / API_EVENTS before anything reaches the main process.
 */
export const PRELOAD_GLOBAL = 'stationBackend';

export interface PreloadBridge {
  invoke(method: ApiMethod, params: unknown): Promise<Result<unknown>>;
  /** Returns an unsubscribe function. */
  on(event: ApiEvent, listener: (payload: unknown) => void): () => void;
}
