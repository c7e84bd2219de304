import { WebSocket } from 'ws';
import type { ServerMessage } from '../src/shared/call/signaling';

/**
 * One participant of the rendezvous bench: a signaling socket from a chosen loopback source
 * address (127.0.0.x: the nodes cap sockets per client address, and the bench's thousands of
 * sockets stand for thousands of stations), the last `joined` it got, and the signals it receives.
 * Every wait has a timeout: the bench never hangs on a node that stopped answering.
 */
export interface SignalPayload {
  /** The sending client's index: with `seq`, names the signal (each is counted once). */
  readonly sender: number;
  readonly seq: number;
  /** performance.now() in the bench process at sending: sender and receiver share the clock. */
  readonly sentAt: number;
  /** 0 the first time; a signal refused `unknown-peer` is sent again after its peer's reseat. */
  readonly attempt: number;
  readonly final?: boolean;
}

export class BenchClient {
  socket: WebSocket | null = null;
  node = -1;
  /** Seated on this socket (its `joined` came): only then does it send signals. */
  seated = false;
  /** `peer-joined` messages so far: a peer that was away (its node died) is back when this grows. */
  peerReturns = 0;
  peerId: string | null = null;
  resumeToken: string | null = null;
  /** The other participant of the room, once known. */
  partner: string | null = null;
  /** The code of the last `join`/`resume` refused, and of every error sent outside a join. */
  refusal: string | null = null;
  readonly errors: string[] = [];
  onSignal: (data: SignalPayload) => void = () => undefined;
  /** The socket closed without our asking (its node died). */
  onLost: () => void = () => undefined;
  /** A signal of ours was refused `unknown-peer` (its `id`, our seq): the peer was away. */
  onRefused: (seq: number) => void = () => undefined;
  onPeerJoined: () => void = () => undefined;
  private waiters: { type: string; resolve: (message: ServerMessage) => void; reject: (e: Error) => void }[] =
    [];

  constructor(
    readonly localAddress: string,
    readonly index = 0,
  ) {}

  async connect(url: string, node: number, timeoutMs = 20_000): Promise<void> {
    const socket = new WebSocket(url, { localAddress: this.localAddress, perMessageDeflate: false });
    this.socket = socket;
    this.seated = false;
    this.node = node;
    socket.on('message', (data: Buffer) => this.receive(JSON.parse(data.toString('utf8')) as ServerMessage));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('socket closed'));
      if (this.socket === socket) {
        this.socket = null;
        this.seated = false;
        this.onLost();
      }
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('connect timeout')), timeoutMs);
      socket.once('open', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('close', () => {
        clearTimeout(timer);
        reject(new Error('closed while connecting'));
      });
    });
  }

  /** Sends `join` (or `resume`) and waits for `joined`: its latency in ms. */
  async seat(
    message: { type: 'join'; token: string } | { type: 'resume'; resumeToken: string },
  ): Promise<number> {
    const started = performance.now();
    const joined = this.next('joined', 30_000);
    this.send(message);
    const reply = (await joined.catch((error: unknown) => {
      this.refusal = String((error as Error).message).replace(/^error /, '');
      throw error;
    })) as Extract<ServerMessage, { type: 'joined' }>;
    this.refusal = null;
    this.seated = true;
    this.peerId = reply.peerId;
    this.resumeToken = reply.resumeToken ?? null;
    const other = reply.peers[0];
    if (other !== undefined) this.partner = other.peerId;
    return performance.now() - started;
  }

  /** Sends a signal to the partner, with its seq as `id` (a refusal names it), if seated. */
  signal(payload: SignalPayload): boolean {
    if (!this.seated || this.partner === null || this.socket?.readyState !== WebSocket.OPEN) return false;
    this.send({ type: 'signal', to: this.partner, data: payload, id: String(payload.seq) });
    return true;
  }

  send(message: unknown): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /** Ends the socket on purpose: no `onLost`. */
  close(): void {
    const socket = this.socket;
    this.socket = null;
    this.seated = false;
    socket?.terminate();
  }

  next(type: string, timeoutMs: number): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        type,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  private receive(message: ServerMessage): void {
    if (message.type === 'signal') this.onSignal(message.data as unknown as SignalPayload);
    else if (message.type === 'peer-joined') {
      this.partner = message.peer.peerId;
      this.peerReturns += 1;
      this.onPeerJoined();
    } else if (message.type === 'error' && message.code === 'unknown-peer' && message.ref !== undefined) {
      this.errors.push(message.code);
      this.onRefused(Number(message.ref));
      return;
    }
    const index = this.waiters.findIndex(
      (waiter) => waiter.type === message.type || (message.type === 'error' && waiter.type === 'joined'),
    );
    if (index < 0) {
      if (message.type === 'error') this.errors.push(message.code);
      return;
    }
    const [waiter] = this.waiters.splice(index, 1);
    if (message.type === 'error') waiter?.reject(new Error(`error ${message.code}`));
    else waiter?.resolve(message);
  }
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function inBatches<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
