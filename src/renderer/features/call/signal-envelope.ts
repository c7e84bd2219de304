/**
 * What the call puts inside a rendezvous `signal` (opaque to the server). Every envelope but `bye`
 * names its sender's `epoch` (one per page load: a reloaded page is a new epoch) and a peer
 * generation. Generations are the station's to create, and count within the station's epoch, so a
 * late candidate from a torn-down peer never reaches its successor, and a reloaded station's first
 * offer is never mistaken for an old one.
 *
 * - `signal`: a simple-peer signal for generation `gen` of the station's epoch.
 * - `restart`: the doctor's page sees generation `gen` of station epoch `peerEpoch` interrupted
 *   and asks the station to restart it (ICE restart, or a new peer).
 * - `hello`: the doctor's page on meeting the station (its join or resume, the station's return):
 *   "I am `epoch`, seated for the `seat`-th time; my peer is generation `gen` of station epoch
 *   `peerEpoch`, and I still hold it (`live`) or not". The station learns from it whether the
 *   doctor still holds the link it offered, and whether what it sent before may have been lost.
 * - `bye`: the other side hung up.
 */
export type Envelope =
  | {
      readonly kind: 'signal';
      readonly epoch: string;
      readonly gen: number;
      readonly signal: Record<string, unknown>;
    }
  | { readonly kind: 'restart'; readonly epoch: string; readonly peerEpoch: string; readonly gen: number }
  | {
      readonly kind: 'hello';
      readonly epoch: string;
      readonly peerEpoch: string | null;
      readonly gen: number;
      readonly live: boolean;
      readonly seat: number;
    }
  | { readonly kind: 'bye' };

const EPOCH = /^[A-Za-z0-9_-]{8,64}$/;

export function newEpoch(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function wrapSignal(
  epoch: string,
  gen: number,
  signal: Record<string, unknown>,
): Record<string, unknown> {
  return { epoch, gen, signal };
}

export function restartRequest(epoch: string, peerEpoch: string, gen: number): Record<string, unknown> {
  return { epoch, peerEpoch, gen, restart: true };
}

export function hello(
  epoch: string,
  peerEpoch: string | null,
  gen: number,
  live: boolean,
  seat: number,
): Record<string, unknown> {
  return { epoch, peerEpoch, gen, live, seat, hello: true };
}

export function parseEnvelope(data: Record<string, unknown>): Envelope | null {
  if (data['bye'] === true) return { kind: 'bye' };
  const { epoch, gen } = data;
  if (typeof epoch !== 'string' || !EPOCH.test(epoch)) return null;
  if (typeof gen !== 'number' || !Number.isSafeInteger(gen) || gen < 0) return null;
  const peerEpoch = data['peerEpoch'];
  if (data['hello'] === true) {
    if (peerEpoch !== null && (typeof peerEpoch !== 'string' || !EPOCH.test(peerEpoch))) return null;
    const seat = data['seat'];
    if (typeof seat !== 'number' || !Number.isSafeInteger(seat) || seat < 0) return null;
    return { kind: 'hello', epoch, peerEpoch, gen, live: data['live'] === true, seat };
  }
  if (data['restart'] === true) {
    if (typeof peerEpoch !== 'string' || !EPOCH.test(peerEpoch)) return null;
    return { kind: 'restart', epoch, peerEpoch, gen };
  }
  const signal = data['signal'];
  if (typeof signal !== 'object' || signal === null || Array.isArray(signal)) return null;
  return { kind: 'signal', epoch, gen, signal: signal as Record<string, unknown> };
}
