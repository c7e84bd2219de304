import { INSTRUMENT_KINDS, type InstrumentKind } from './control-messages';
import type { MediaChoice } from './media/local-media';

/**
 * What the station's tab remembers of its running call (sessionStorage), so a reload — or the host
 * restarting under it — brings the call back with no click: the consultation it belongs to and the
 * inputs the nurse chose. Its rendezvous seat is kept beside it (STATION_SEAT_KEY). Forgotten as
 * soon as the call ends.
 */
export const STATION_CALL_KEY = 'teleconsult.station.call';
export const STATION_SEAT_KEY = 'teleconsult.station.seat';

export interface RememberedCall {
  readonly consultationId: string;
  readonly choice: MediaChoice;
}

type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function rememberCall(storage: TabStorage, call: RememberedCall): void {
  try {
    storage.setItem(STATION_CALL_KEY, JSON.stringify(call));
  } catch {
    // disabled storage: a reload ends the call, as before
  }
}

export function forgetCall(storage: TabStorage): void {
  try {
    storage.removeItem(STATION_CALL_KEY);
    storage.removeItem(STATION_SEAT_KEY);
  } catch {
    // nothing kept
  }
}

export function recallCall(storage: TabStorage): RememberedCall | null {
  try {
    const text = storage.getItem(STATION_CALL_KEY);
    return text === null ? null : parseRemembered(JSON.parse(text));
  } catch {
    return null;
  }
}

const idOrNull = (value: unknown): value is string | null =>
  value === null || (typeof value === 'string' && value.length <= 512);

function parseRemembered(value: unknown): RememberedCall | null {
  if (typeof value !== 'object' || value === null) return null;
  const { consultationId, choice } = value as Record<string, unknown>;
  if (typeof consultationId !== 'string' || consultationId.length === 0 || consultationId.length > 128)
    return null;
  if (typeof choice !== 'object' || choice === null) return null;
  const c = choice as Record<string, unknown>;
  const kind = c['instrumentKind'];
  if (!(INSTRUMENT_KINDS as readonly unknown[]).includes(kind)) return null;
  const { cameraId, microphoneId, instrumentCameraId, stethoscopeInputId } = c;
  if (![cameraId, microphoneId, instrumentCameraId, stethoscopeInputId].every(idOrNull)) return null;
  return {
    consultationId,
    choice: {
      cameraId: cameraId as string | null,
      microphoneId: microphoneId as string | null,
      instrumentCameraId: instrumentCameraId as string | null,
      instrumentKind: kind as InstrumentKind,
      stethoscopeInputId: stethoscopeInputId as string | null,
    },
  };
}
