import type { ApiEvent, ApiEventPayload, ApiMethod, ApiParams, ApiResult } from '../../../src/shared/api';
import {
  BackendCallError,
  ConnectionStateCell,
  type BackendClient,
} from '../../../src/renderer/backend-client/backend-client';

type Handler<M extends ApiMethod> = (params: ApiParams<M>) => ApiResult<M> | Promise<ApiResult<M>>;
export type Handlers = Partial<{ [M in ApiMethod]: Handler<M> }>;

/**
 * A BackendClient whose answers the test scripts per method; a method with no handler answers
 * `unavailable`, as the real backend does for a method not built yet.
 */
export class ScriptedClient implements BackendClient {
  readonly connection = new ConnectionStateCell('open');
  readonly calls: { method: ApiMethod; params: unknown }[] = [];
  private readonly listeners = new Map<ApiEvent, Set<(payload: never) => void>>();

  constructor(public handlers: Handlers = {}) {}

  async call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
    this.calls.push({ method, params });
    const handler = this.handlers[method];
    if (handler === undefined) throw new BackendCallError('unavailable', `${method} is not built yet`);
    return handler(params);
  }

  paramsOf(method: ApiMethod): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.params);
  }

  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (p: ApiEventPayload<E>) => void)(payload);
  }

  close(): void {
    this.connection.set('closed');
  }
}
