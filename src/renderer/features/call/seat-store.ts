import { RESUME_TOKEN_MAX_CHARS } from '../../../shared/call/signaling';

/**
 * Where a page keeps its rendezvous seat between two sockets — and, in sessionStorage, between two
 * loads of the same tab: F5, a crashed tab restored, a closed tab reopened (browsers restore its
 * sessionStorage) all `resume` the same seat. sessionStorage is per tab and per origin, so another
 * tab opened on the same link has none and must use the invite, which the rendezvous refuses once
 * used. A duplicated tab gets a copy: the newer socket takes the seat and the older page stops.
 */
export interface StoredSeat {
  readonly signalingUrl: string;
  readonly resumeToken: string;
}

export interface SeatStore {
  load(): StoredSeat | null;
  save(seat: StoredSeat | null): void;
}

export function memorySeatStore(): SeatStore {
  let seat: StoredSeat | null = null;
  return {
    load: () => seat,
    save: (next) => {
      seat = next;
    },
  };
}

/**
 * A seat in the tab's sessionStorage under `key`, with a copy in memory: storage that throws
 * (disabled, full) costs the reload case only, never the reconnects of this page.
 */
export function sessionSeatStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  key: string,
): SeatStore {
  let cached: StoredSeat | null | undefined;
  return {
    load() {
      if (cached !== undefined) return cached;
      try {
        cached = parseSeat(storage.getItem(key));
      } catch {
        cached = null;
      }
      return cached;
    },
    save(seat) {
      cached = seat;
      try {
        if (seat === null) storage.removeItem(key);
        else storage.setItem(key, JSON.stringify(seat));
      } catch {
        // Full or disabled storage: the seat lives in this page only, as before.
      }
    },
  };
}

function parseSeat(text: string | null): StoredSeat | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<Record<keyof StoredSeat, unknown>>;
    const { signalingUrl, resumeToken } = value;
    if (typeof signalingUrl !== 'string' || typeof resumeToken !== 'string') return null;
    if (
      !/^wss?:\/\//.test(signalingUrl) ||
      resumeToken.length === 0 ||
      resumeToken.length > RESUME_TOKEN_MAX_CHARS
    )
      return null;
    return { signalingUrl, resumeToken };
  } catch {
    return null;
  }
}
