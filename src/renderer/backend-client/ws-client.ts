import { z } from 'zod';
import {
  API_METHODS,
  isApiEvent,
  type ApiEvent,
  type ApiEventPayload,
  type ApiMethod,
  type ApiParams,
  type ApiResult,
} from '../../shared/api';
import { ERROR_CODES } from '../../shared/result';
import { BackendCallError, ConnectionStateCell, type BackendClient } from './backend-client';
import { EventListeners } from './event-listeners';
import { httpAttachmentUploader, type AttachmentUploader } from './attachment-upload';
import type { AccessCheck } from './access-check';

/**
 * BackendClient over WebSocket to the Node host (`/api`). Requests carry numeric ids and settle
 * on the matching reply; the link reconnects with exponential backoff after any drop. A request
 * already sent when the link drops is rejected (`unavailable`) rather than resent, because the
 * host may have executed it (connecting a device twice is worse than asking again); a request made
 * while the link is down waits for it, up to the call timeout. `consultation.attach` goes as an
 * HTTP upload instead (see attachment-upload.ts): the host takes small socket messages only.
 */

/** The part of the browser WebSocket this client uses; tests pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface WsClientOptions {
  readonly socketFactory?: (url: string) => SocketLike;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly callTimeoutMs?: number;
  /** 0..1; spreads reconnects of many screens after a host restart. */
  readonly random?: () => number;
  /** How attachments travel; by default an HTTP upload to the host that serves the socket. */
  readonly uploadAttachment?: AttachmentUploader;
  /** Asked when a socket is refused before it opens: says `unauthorized` apart from a host down. */
  readonly checkAccess?: AccessCheck;
}

const SOCKET_OPEN = 1;

const replySchema = z.object({
  id: z.union([z.number(), z.string(), z.null()]),
  result: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
  ]),
});
const eventSchema = z.object({ event: z.string(), payload: z.unknown() });

interface PendingCall {
  readonly method: ApiMethod;
  readonly json: string;
  sent: boolean;
  readonly timer: ReturnType<typeof setTimeout>;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class WsBackendClient implements BackendClient {
  readonly connection = new ConnectionStateCell('connecting');
  private readonly listeners = new EventListeners();
  private readonly pending = new Map<number, PendingCall>();
  private readonly options: Required<Omit<WsClientOptions, 'checkAccess'>>;
  private readonly checkAccess: AccessCheck | undefined;
  private socket: SocketLike | null = null;
  private nextId = 1;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    options: WsClientOptions = {},
  ) {
    this.options = {
      socketFactory: options.socketFactory ?? ((u) => new WebSocket(u)),
      initialBackoffMs: options.initialBackoffMs ?? 250,
      maxBackoffMs: options.maxBackoffMs ?? 5000,
      callTimeoutMs: options.callTimeoutMs ?? 10_000,
      random: options.random ?? Math.random,
      uploadAttachment: options.uploadAttachment ?? httpAttachmentUploader(url),
    };
    this.checkAccess = options.checkAccess;
    this.connect();
  }

  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
    if (this.connection.get() === 'closed') {
      return Promise.reject(new BackendCallError('unavailable', 'backend client is closed'));
    }
    if (method === 'consultation.attach')
      return this.upload(params as ApiParams<'consultation.attach'>) as Promise<ApiResult<M>>;
    const id = this.nextId++;
    return new Promise<ApiResult<M>>((resolve, reject) => {
      const call: PendingCall = {
        method,
        json: JSON.stringify({ id, method, params }),
        sent: false,
        timer: setTimeout(() => {
          this.pending.delete(id);
          reject(
            new BackendCallError('timeout', `${method}: no reply within ${this.options.callTimeoutMs} ms`),
          );
        }, this.options.callTimeoutMs),
        resolve,
        reject,
      };
      this.pending.set(id, call);
      if (this.socket?.readyState === SOCKET_OPEN) this.send(call);
    });
  }

  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void {
    return this.listeners.add(event, listener);
  }

  close(): void {
    this.connection.set('closed');
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.socket?.close(1000, 'client closed');
    this.socket = null;
    this.failPending(() => true, 'backend client is closed');
  }

  private async upload(params: ApiParams<'consultation.attach'>): Promise<ApiResult<'consultation.attach'>> {
    const result = await this.options.uploadAttachment(params);
    if (!result.ok) throw BackendCallError.from(result.error);
    const parsed = API_METHODS['consultation.attach'].result.safeParse(result.value);
    if (!parsed.success)
      throw new BackendCallError('internal', 'consultation.attach: reply does not match the contract');
    return parsed.data;
  }

  private connect(): void {
    const socket = this.options.socketFactory(this.url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.connection.set('open');
      for (const call of this.pending.values()) if (!call.sent) this.send(call);
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => undefined; // always followed by close, handled there
    socket.onclose = () => {
      if (this.socket !== socket || this.connection.get() === 'closed') return;
      this.socket = null;
      this.failPending((call) => call.sent, 'connection to the station backend was lost');
      const state = this.connection.get();
      // Refused before it opened: the host may be saying "not without the token"; ask it.
      if (!opened) this.askWhyRefused();
      if (state !== 'unauthorized')
        this.connection.set(state === 'connecting' ? 'connecting' : 'reconnecting');
      this.scheduleReconnect();
    };
  }

  private askWhyRefused(): void {
    if (this.checkAccess === undefined) return;
    void this.checkAccess().then((verdict) => {
      if (this.connection.get() === 'closed' || this.connection.get() === 'open') return;
      if (verdict === 'unauthorized') this.connection.set('unauthorized');
      else if (this.connection.get() === 'unauthorized') this.connection.set('connecting');
    });
  }

  private scheduleReconnect(): void {
    const ceiling = Math.min(this.options.maxBackoffMs, this.options.initialBackoffMs * 2 ** this.attempt);
    this.attempt += 1;
    const delay = ceiling / 2 + (ceiling / 2) * this.options.random();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private send(call: PendingCall): void {
    call.sent = true;
    this.socket?.send(call.json);
  }

  private receive(data: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      console.warn('backend sent a message that is not JSON');
      return;
    }
    const event = eventSchema.safeParse(message);
    if (event.success) {
      if (isApiEvent(event.data.event)) this.listeners.deliver(event.data.event, event.data.payload);
      return;
    }
    const reply = replySchema.safeParse(message);
    if (!reply.success) {
      console.warn('backend sent a message that is neither a reply nor an event');
      return;
    }
    const { id, result } = reply.data;
    const call = typeof id === 'number' ? this.pending.get(id) : undefined;
    if (call === undefined) {
      if (!result.ok) console.warn(`backend error without a request: ${result.error.message}`);
      return;
    }
    this.pending.delete(id as number);
    clearTimeout(call.timer);
    if (!result.ok) {
      call.reject(BackendCallError.from(result.error));
      return;
    }
    const parsed = API_METHODS[call.method].result.safeParse(result.value);
    if (parsed.success) call.resolve(parsed.data);
    else call.reject(new BackendCallError('internal', `${call.method}: reply does not match the contract`));
  }

  private failPending(which: (call: PendingCall) => boolean, message: string): void {
    for (const [id, call] of this.pending) {
      if (!which(call)) continue;
      this.pending.delete(id);
      clearTimeout(call.timer);
      call.reject(new BackendCallError('unavailable', message));
    }
  }
}
