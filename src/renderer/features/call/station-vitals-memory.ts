import type { SenderState } from '../../../shared/vitals';
import { decodeSenderState, encodeSenderState } from '../../../shared/vitals/sender-snapshot';

/**
 * The station tab's vitals session, kept in sessionStorage while the page unloads (a reload
 * mid-call), so the next page carries it on: the doctor's record stays exactly once, in order,
 * across the reload (sender-snapshot.ts). Taken once by the next page, for the same consultation
 * only; forgotten when the call ends.
 */
export const STATION_VITALS_KEY = 'teleconsult.station.vitals';

type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function keepVitalsSession(storage: TabStorage, consultationId: string, state: SenderState): void {
  try {
    storage.setItem(STATION_VITALS_KEY, JSON.stringify({ consultationId, state: encodeSenderState(state) }));
  } catch {
    // storage full or disabled: the next page starts a new session, as before
  }
}

/** The kept session of this consultation, or null; whatever was kept is gone afterwards. */
export function takeVitalsSession(storage: TabStorage, consultationId: string): SenderState | null {
  try {
    const text = storage.getItem(STATION_VITALS_KEY);
    storage.removeItem(STATION_VITALS_KEY);
    if (text === null) return null;
    const kept = JSON.parse(text) as unknown;
    if (typeof kept !== 'object' || kept === null) return null;
    const { consultationId: keptFor, state } = kept as Record<string, unknown>;
    return keptFor === consultationId && typeof state === 'string' ? decodeSenderState(state) : null;
  } catch {
    return null;
  }
}

export function forgetVitalsSession(storage: TabStorage): void {
  try {
    storage.removeItem(STATION_VITALS_KEY);
  } catch {
    // nothing kept
  }
}
