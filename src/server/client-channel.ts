import type { WebSocket } from 'ws';
import type { ApiEvent } from '../shared/api';

/**
 * The outgoing side of one API connection, with bounded memory. A client that reads slower than
 * we send (a throttled background tab, a stalled network) makes `bufferedAmount` grow; past the
 * high-water mark, reading batches are dropped (their `seq` gap tells the client) and state
 * events are coalesced to the latest per key, sent once the socket drains. Past the hard cap the
 * client is cut off: it reconnects and re-fetches the current state.
 */
export interface BackpressureLimits {
  readonly highWaterBytes: number;
  readonly maxBufferedBytes: number;
}

export const DEFAULT_BACKPRESSURE: BackpressureLimits = {
  highWaterBytes: 1024 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
};

/** Events whose latest value replaces older ones, keyed so unrelated ones are not merged. */
export function coalesceKeyOf(event: ApiEvent, payload: unknown): string | null {
  switch (event) {
    case 'readings':
      return null;
    case 'device.state':
      return `device.state:${(payload as { id: string }).id}`;
    case 'settings.changed':
    case 'consultation.changed':
    case 'kiosk.changed':
    case 'call.moved':
      return event;
  }
}

export class ClientChannel {
  private readonly pending = new Map<string, string>();
  private droppedCount = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly limits: BackpressureLimits = DEFAULT_BACKPRESSURE,
  ) {}

  get droppedEvents(): number {
    return this.droppedCount;
  }

  get pendingEvents(): number {
    return this.pending.size;
  }

  /** Replies are never dropped (the caller waits on them); the rate limit bounds their number. */
  sendReply(json: string): void {
    if (this.cutOffIfOverCap()) return;
    this.socket.send(json);
  }

  sendEvent(json: string, coalesceKey: string | null): void {
    if (this.socket.readyState !== this.socket.OPEN || this.cutOffIfOverCap()) return;
    this.flushPending();
    if (this.socket.bufferedAmount < this.limits.highWaterBytes && this.pending.size === 0) {
      this.socket.send(json);
    } else if (coalesceKey === null) {
      this.droppedCount += 1;
    } else {
      this.pending.delete(coalesceKey); // re-insert so the newest goes last
      this.pending.set(coalesceKey, json);
    }
  }

  /** Sends coalesced events once the socket has drained below the high-water mark. */
  flushPending(): void {
    for (const [key, json] of this.pending) {
      if (this.socket.bufferedAmount >= this.limits.highWaterBytes) return;
      this.pending.delete(key);
      this.socket.send(json);
    }
  }

  private cutOffIfOverCap(): boolean {
    if (this.socket.bufferedAmount <= this.limits.maxBufferedBytes) return false;
    this.pending.clear();
    this.socket.terminate();
    return true;
  }
}
