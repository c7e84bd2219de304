/**
 * How often a rendezvous checks each coturn of its TURN pool (turn-pool.ts), as an operator writes
 * it: seconds (`15`, `2.5`), or `0` for no check (the URLs offered as configured). The same words
 * for a standalone node (`station serve --rendezvous`), the Node host's embedded rendezvous
 * (`station serve`) and the Electron station's, from `--turn-check-interval` or the environment.
 * Below a second the checks would be a stream of UDP at every relay; past an hour a dead relay
 * would stay offered for hours.
 */
export const TURN_CHECK_INTERVAL_ENV = 'STATION_TURN_CHECK_INTERVAL';
export const MIN_TURN_CHECK_INTERVAL_S = 1;
export const MAX_TURN_CHECK_INTERVAL_S = 3600;

export type TurnCheckInterval = { readonly ok: true; readonly ms: number } | { readonly ok: false };

export function parseTurnCheckInterval(text: string): TurnCheckInterval {
  if (!/^\d{1,4}(\.\d{1,3})?$/.test(text)) return { ok: false };
  const seconds = Number(text);
  if (seconds === 0) return { ok: true, ms: 0 };
  if (seconds < MIN_TURN_CHECK_INTERVAL_S || seconds > MAX_TURN_CHECK_INTERVAL_S) return { ok: false };
  return { ok: true, ms: Math.round(seconds * 1000) };
}

/** What a refused value is told, naming where it came from (`--turn-check-interval`, the variable). */
export function turnCheckIntervalProblem(source: string, text: string): string {
  return `${source} must be 0 (no check) or ${MIN_TURN_CHECK_INTERVAL_S}–${MAX_TURN_CHECK_INTERVAL_S} seconds, got ${JSON.stringify(text.slice(0, 80))}`;
}
