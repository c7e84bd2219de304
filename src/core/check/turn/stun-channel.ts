import { createSocket } from 'node:dgram';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { decodeStunMessage, stunMessageSize, type StunMessage } from '../stun/stun-message';

/**
 * One client socket to a STUN/TURN server that sends a request and waits for the response with
 * the same transaction id. UDP retransmits (RFC 5389 §7.2.1: RTO 500 ms, doubling) until the
 * deadline; TCP and TLS frame the byte stream by the STUN length field. A socket error (ICMP port
 * unreachable on UDP, ECONNREFUSED on TCP) rejects every pending request at once: a stopped
 * server fails fast instead of waiting out the timeout.
 */
export type StunTransport = 'udp' | 'tcp';

export interface StunChannel {
  request(packet: Buffer, timeoutMs: number): Promise<{ message: StunMessage; raw: Buffer }>;
  close(): void;
}

export class StunChannelError extends Error {
  override readonly name = 'StunChannelError';
  constructor(
    readonly reason: 'timeout' | 'refused' | 'unreachable' | 'closed',
    message: string,
  ) {
    super(message);
  }
}

const INITIAL_RTO_MS = 500;

interface Pending {
  readonly id: string;
  resolve(result: { message: StunMessage; raw: Buffer }): void;
  reject(error: Error): void;
}

export async function openStunChannel(
  transport: StunTransport,
  endpoint: { host: string; port: number; secure: boolean },
  connectTimeoutMs: number,
): Promise<StunChannel> {
  return transport === 'udp' ? openUdp(endpoint) : openStream(endpoint, connectTimeoutMs);
}

function openUdp(endpoint: { host: string; port: number }): Promise<StunChannel> {
  const socket = createSocket(endpoint.host.includes(':') ? 'udp6' : 'udp4');
  const pending = new PendingTable();
  socket.on('message', (packet) => pending.deliver(packet));
  socket.on('error', (error) => pending.failAll(channelError(error)));
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    // A failed lookup reaches this callback, not 'error': left unread, it yields an unconnected
    // socket whose first send throws (and a pending request nobody awaits).
    socket.connect(endpoint.port, endpoint.host, (error?: Error) => {
      socket.off('error', reject);
      if (error !== undefined && error !== null) {
        socket.close();
        reject(channelError(error));
        return;
      }
      resolve({
        request(packet, timeoutMs) {
          const started = Date.now();
          let rto = INITIAL_RTO_MS;
          let timer: NodeJS.Timeout | undefined;
          const send = (): void => {
            try {
              socket.send(packet);
            } catch (error) {
              pending.failAll(channelError(error as Error));
              return;
            }
            const left = timeoutMs - (Date.now() - started);
            if (left > 0) timer = setTimeout(send, Math.min(rto, left));
            rto *= 2;
          };
          const answer = pending.add(packet, timeoutMs).finally(() => clearTimeout(timer));
          send();
          return answer;
        },
        close() {
          pending.failAll(new StunChannelError('closed', 'channel closed'));
          socket.close();
        },
      });
    });
  });
}

function openStream(
  endpoint: { host: string; port: number; secure: boolean },
  connectTimeoutMs: number,
): Promise<StunChannel> {
  const socket: Socket = endpoint.secure
    ? connectTls({ host: endpoint.host, port: endpoint.port, servername: endpoint.host })
    : connectTcp({ host: endpoint.host, port: endpoint.port });
  const pending = new PendingTable();
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      const size = stunMessageSize(buffered);
      if (size === null || buffered.length < size) return;
      pending.deliver(buffered.subarray(0, size));
      buffered = buffered.subarray(size);
    }
  });
  socket.on('error', (error) => pending.failAll(channelError(error)));
  socket.on('close', () =>
    pending.failAll(new StunChannelError('closed', 'the server closed the connection')),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new StunChannelError('timeout', `no TCP connection within ${connectTimeoutMs} ms`));
    }, connectTimeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(channelError(error));
    });
    socket.once(endpoint.secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      resolve({
        request(packet, timeoutMs) {
          const answer = pending.add(packet, timeoutMs);
          socket.write(packet);
          return answer;
        },
        close() {
          pending.failAll(new StunChannelError('closed', 'channel closed'));
          socket.destroy();
        },
      });
    });
  });
}

/** Requests waiting for their response, keyed by transaction id. */
class PendingTable {
  private readonly entries = new Map<string, Pending>();

  add(packet: Buffer, timeoutMs: number): Promise<{ message: StunMessage; raw: Buffer }> {
    const id = packet.subarray(8, 20).toString('hex');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.entries.delete(id);
        reject(new StunChannelError('timeout', `no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.entries.set(id, {
        id,
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  /** A datagram or frame that is not a STUN response to one of ours is ignored, never thrown. */
  deliver(raw: Buffer): void {
    let message: StunMessage;
    try {
      message = decodeStunMessage(raw);
    } catch {
      return;
    }
    const id = Buffer.from(message.transactionId).toString('hex');
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    entry.resolve({ message, raw: Buffer.from(raw) });
  }

  failAll(error: Error): void {
    for (const entry of this.entries.values()) entry.reject(error);
    this.entries.clear();
  }
}

function channelError(error: Error & { code?: string }): StunChannelError {
  if (error.code === 'ECONNREFUSED') return new StunChannelError('refused', 'connection refused');
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
    return new StunChannelError('unreachable', `host not found (${error.code})`);
  if (error.code === 'ENETUNREACH' || error.code === 'EHOSTUNREACH')
    return new StunChannelError('unreachable', `network unreachable (${error.code})`);
  return new StunChannelError('unreachable', error.message);
}
