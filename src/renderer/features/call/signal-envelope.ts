/**
 * What the call puts inside a rendezvous `signal` (opaque to the server): the peer generation it
 * belongs to, and either a simple-peer signal, a request to rebuild the link, or a goodbye.
 */
export type Envelope =
  | { readonly kind: 'signal'; readonly gen: number; readonly signal: Record<string, unknown> }
  | { readonly kind: 'restart'; readonly gen: number }
  | { readonly kind: 'bye' };

export function wrapSignal(gen: number, signal: Record<string, unknown>): Record<string, unknown> {
  return { gen, signal };
}

export function parseEnvelope(data: Record<string, unknown>): Envelope | null {
  if (data['bye'] === true) return { kind: 'bye' };
  const gen = data['gen'];
  if (typeof gen !== 'number' || !Number.isInteger(gen) || gen < 0) return null;
  if (data['restart'] === true) return { kind: 'restart', gen };
  const signal = data['signal'];
  if (typeof signal !== 'object' || signal === null || Array.isArray(signal)) return null;
  return { kind: 'signal', gen, signal: signal as Record<string, unknown> };
}
