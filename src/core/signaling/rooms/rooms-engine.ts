import type { SignalingConnection } from '../rendezvous-server';

/**
 * What the socket glue (signaling-route.ts) needs from the rooms, whatever keeps their state: one
 * process's memory (RendezvousRooms, the default) or Redis shared by several nodes (RedisRooms).
 * Calls never throw and never wait: an engine that works asynchronously keeps each connection's
 * messages in order itself.
 */
export interface RoomsEngine {
  handleText(connection: SignalingConnection, text: string): void;
  /** The socket closed; `left` after a `leave`. */
  disconnect(connection: SignalingConnection, left?: boolean): void;
  /**
   * Seated, or its `join`/`resume` received and being seated (the socket's join timer counts until
   * a join arrives, not until a busy shared store has answered it).
   */
  isJoined(connection: SignalingConnection): boolean;
  /** The station left this room: everyone in it is sent away and its links stop working. */
  closeRoom(roomId: string): void;
  /** Rooms with a seat on this node (connected or held for a resume). */
  readonly roomCount: number;
  /**
   * This node is going away (SIGTERM): every seated client is told `draining` and its seat kept
   * for its resume token on another node, without `peer-left` to the others.
   */
  drain?(connections: readonly SignalingConnection[]): Promise<void>;
  /** Codes of what keeps this node from seating anyone now (`redis-unreachable`); empty when ready. */
  notReadyReasons?(): readonly string[];
  /**
   * The same, after asking the shared store whether it answers now (a Redis that hangs keeps its
   * socket open: only a question with a deadline finds it out). Settles within about `timeoutMs`.
   */
  probeReady?(timeoutMs: number): Promise<readonly string[]>;
  close?(): Promise<void>;
}
