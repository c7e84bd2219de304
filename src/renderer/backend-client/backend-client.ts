import type { ApiEvent, ApiEventPayload, ApiMethod, ApiParams, ApiResult } from '../../shared/api';
import type { AppError, ErrorCode } from '../../shared/result';

/**
 * The renderer's one door to the backend. Two implementations (Electron IPC, WebSocket to the Node
 * host) behave the same, so no screen knows which host it runs under.
 */
export interface BackendClient {
  /** Resolves to the method's result, or rejects with a BackendCallError carrying the AppError code. */
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>>;
  /** Returns an unsubscribe function. Payloads are schema-checked before listeners see them. */
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
  readonly connection: ConnectionStatus;
  close(): void;
}

/**
 * `open`: calls go through. `connecting`: the first connection is being made. `reconnecting`: the
 * link dropped and is being retried (state shown may be stale). `unauthorized`: the Node host
 * refuses this page (opened without the access token); retried, in case the printed URL is opened
 * in another tab. `closed`: close() was called.
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'unauthorized' | 'closed';

export interface ConnectionStatus {
  get(): ConnectionState;
  /** Returns an unsubscribe function. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

export class BackendCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackendCallError';
  }

  static from(error: AppError): BackendCallError {
    return new BackendCallError(error.code, error.message);
  }
}

/** A small observable value for connection state, shared by both clients. */
export class ConnectionStateCell implements ConnectionStatus {
  private readonly listeners = new Set<(state: ConnectionState) => void>();

  constructor(private state: ConnectionState) {}

  get(): ConnectionState {
    return this.state;
  }

  set(next: ConnectionState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
