import type { ParticipantRole, SignalingErrorCode } from '../../shared/call/signaling';

/**
 * What the rendezvous reports as it works, for metrics and logs (wired by the server that hosts
 * it). Every method is optional, called synchronously, and must be cheap; an observer that throws
 * is ignored (see `observe`), so metrics can never cost a participant its seat. Events carry codes
 * and numbers only, never tokens, peer ids or addresses.
 */
export interface RendezvousObserver {
  /** A socket was admitted (counted against the socket caps). */
  socketOpened?(): void;
  /** An admitted socket went away, however it ended. */
  socketClosed?(): void;
  /** A socket turned away before it could send anything (socket caps, origin, refusal flood). */
  socketRefused?(reason: 'server-busy' | 'forbidden-origin'): void;
  /** A participant was seated: with an invite (`join`) or a resume token (`resume`). */
  joinAccepted?(event: { readonly how: 'join' | 'resume'; readonly role: ParticipantRole }): void;
  /** A `join` or `resume` was refused with this code. */
  joinRefused?(event: { readonly how: 'join' | 'resume'; readonly code: SignalingErrorCode }): void;
  /** A seated socket was sent away with this code (room-closed, seat-taken-over, relay-limit, …). */
  seatEnded?(event: { readonly code: SignalingErrorCode | 'left' | 'dropped' }): void;
  /** A room was closed by its station (all its links and resume tokens stop working). */
  roomClosed?(): void;
  /**
   * One `signal` relayed: milliseconds from its arrival on the sender's socket to its hand-over to
   * the receiver's (monotonic clock); `crossNode` when it travelled through the shared store.
   */
  signalRelayed?(event: { readonly latencyMs: number; readonly crossNode: boolean }): void;
  /** One round trip to the shared state (Redis): its duration, and whether it succeeded. */
  storeRoundTrip?(event: { readonly latencyMs: number; readonly ok: boolean }): void;
  /** The shared state became unreachable (`false`) or reachable again (`true`). */
  storeAvailability?(available: boolean): void;
  /** This node started draining (SIGTERM): it refuses new sockets and sends its clients away. */
  draining?(): void;
}

/** Calls one observer method, swallowing whatever it throws. */
export function observe<K extends keyof RendezvousObserver>(
  observer: RendezvousObserver | undefined,
  event: K,
  ...args: Parameters<NonNullable<RendezvousObserver[K]>>
): void {
  const handler = observer?.[event] as ((...a: typeof args) => void) | undefined;
  if (handler === undefined) return;
  try {
    handler.apply(observer, args);
  } catch {
    // Metrics must never cost a participant anything.
  }
}
