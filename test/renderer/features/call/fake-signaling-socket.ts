import type { ClientMessage, ServerMessage } from '../../../../src/shared/call/signaling';
import type { WebSocketLike } from '../../../../src/renderer/features/call/signaling-socket';

/** A WebSocket the test opens, feeds and closes by hand; it keeps what the page sent. */
export class FakeSignalingSocket {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  readonly sent: ClientMessage[] = [];
  closedWith: number | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }

  close(code?: number): void {
    this.closedWith = code ?? 1005;
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }

  receive(message: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }

  /** The server (or the network) closed it. */
  drop(): void {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }

  pings(): number {
    return this.sent.filter((message) => message.type === 'ping').length;
  }
}

export function fakeSockets(): { sockets: FakeSignalingSocket[]; create: (url: string) => WebSocketLike } {
  const sockets: FakeSignalingSocket[] = [];
  return {
    sockets,
    create: (url) => {
      const socket = new FakeSignalingSocket(url);
      sockets.push(socket);
      return socket;
    },
  };
}
