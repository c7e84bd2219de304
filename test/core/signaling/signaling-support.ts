import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { serverMessageSchema, type ServerMessage } from '../../../src/shared/call/signaling';
import { issueToken, randomId } from '../../../src/core/signaling/invite-token';
import type { ParticipantRole } from '../../../src/shared/call/signaling';
import {
  createSignalingRoute,
  type SignalingRoute,
  type SignalingRouteOptions,
} from '../../../src/core/signaling/signaling-route';

/** A real HTTP server on 127.0.0.1 with only the signaling route mounted, and a key to sign tokens. */
export const TEST_SECRET = Buffer.alloc(32, 7);

export interface SignalingHarness {
  readonly route: SignalingRoute;
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

export async function startSignaling(
  options: Partial<SignalingRouteOptions> = {},
): Promise<SignalingHarness> {
  const route = createSignalingRoute({ secret: TEST_SECRET, iceServersFor: () => [], ...options });
  const server: Server = createServer((_request, response) => response.end());
  server.on('upgrade', (request, socket, head) => route.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    route,
    url: `ws://127.0.0.1:${port}/signal`,
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await route.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function tokenFor(
  room: string,
  role: ParticipantRole,
  options: { ttlS?: number; nowMs?: number } = {},
): string {
  return issueToken(TEST_SECRET, {
    room,
    role,
    ttlS: options.ttlS ?? 3600,
    nowMs: options.nowMs ?? Date.now(),
  }).token;
}

export const newRoom = randomId;

/** A participant's socket that keeps every server message (each checked against the contract). */
export class Participant {
  readonly messages: ServerMessage[] = [];
  closeCode: number | null = null;
  private joinedAs: string | null = null;
  private wakers: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = serverMessageSchema.parse(JSON.parse(data.toString('utf8')));
      if (message.type === 'joined') this.joinedAs = message.peerId;
      this.messages.push(message);
      this.wake();
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  /** `localAddress` (127.0.0.2, …) makes the socket another client of the server than 127.0.0.1. */
  static async open(url: string, origin?: string, localAddress?: string): Promise<Participant> {
    const socket = new WebSocket(url, {
      ...(origin === undefined ? {} : { origin }),
      ...(localAddress === undefined ? {} : { localAddress }),
    });
    const participant = new Participant(socket);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return participant;
  }

  static async joined(harness: SignalingHarness, token: string): Promise<Participant> {
    const participant = await Participant.open(harness.url, harness.origin);
    participant.send({ type: 'join', token });
    await participant.next('joined');
    return participant;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  get peerId(): string {
    if (this.joinedAs === null) throw new Error('not joined');
    return this.joinedAs;
  }

  /** The first message of that type not yet taken by an earlier `next`. */
  async next<T extends ServerMessage['type']>(
    type: T,
    timeoutMs = 3000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.messages.findIndex((m) => m.type === type);
      if (index >= 0) return this.messages.splice(index, 1)[0] as Extract<ServerMessage, { type: T }>;
      if (Date.now() > deadline)
        throw new Error(`no ${type} within ${timeoutMs} ms: ${JSON.stringify(this.messages)}`);
      await this.wait(deadline - Date.now());
    }
  }

  async closed(timeoutMs = 3000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === null) {
      if (Date.now() > deadline) throw new Error('socket was not closed');
      await this.wait(deadline - Date.now());
    }
    return this.closeCode;
  }

  close(): void {
    this.socket.terminate();
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(1, ms));
      this.wakers.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private wake(): void {
    for (const wake of this.wakers.splice(0)) wake();
  }
}
