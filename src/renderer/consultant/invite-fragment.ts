/**
 * The invite token travels in the URL fragment (`#invite=<token>`): browsers never send the
 * fragment to a server, so it stays out of access logs and Referer headers.
 */
export function inviteTokenFrom(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('invite');
  return token === null || token.length === 0 || token.length > 2048 ? null : token;
}

/** The rendezvous socket of the host that served this page. */
export function signalingUrlFor(location: Pick<Location, 'protocol' | 'host'>, path: string): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/**
 * sessionStorage keys of the doctor's tab: the invite it was opened with, its rendezvous seat, and
 * the report-only link it was opened with instead (issue 12).
 */
export const INVITE_KEY = 'teleconsult.consultant.invite';
export const SEAT_KEY = 'teleconsult.consultant.seat';
export const REPORT_KEY = 'teleconsult.consultant.report';

type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The invite of this tab. The address bar loses it as soon as the page reads it (it is a bearer
 * credential), so the tab keeps it in sessionStorage: a reload before the rendezvous answered
 * still has it. A link opened in this tab with another invite starts afresh: the seat of the
 * previous call is forgotten. Storage that throws costs only the reload case.
 */
export function inviteForThisTab(hash: string, storage: TabStorage): string | null {
  const fromLink = inviteTokenFrom(hash);
  try {
    const kept = storage.getItem(INVITE_KEY);
    if (fromLink === null) return kept !== null && kept.length > 0 && kept.length <= 2048 ? kept : null;
    if (fromLink !== kept) {
      storage.removeItem(SEAT_KEY);
      storage.setItem(INVITE_KEY, fromLink);
    }
  } catch {
    // disabled storage: this load only
  }
  return fromLink;
}

/** A report-only link (`#report=<token>`, issue 12): the page opens with the report form alone. */
export function reportTokenFrom(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('report');
  return token === null || token.length === 0 || token.length > 2048 ? null : token;
}

/**
 * The report-only link of this tab: from a `#report=` link, or the one it was opened with when it
 * comes back from Pro Santé Connect (`#psc=`) or is reloaded, since the address bar loses it at
 * once. A call link (`#invite=`) opened in the tab forgets it.
 */
export function reportLinkForThisTab(hash: string, storage: TabStorage): string | null {
  const fromLink = reportTokenFrom(hash);
  try {
    if (fromLink !== null) storage.setItem(REPORT_KEY, fromLink);
    else if (inviteTokenFrom(hash) !== null) storage.removeItem(REPORT_KEY);
    else {
      const kept = storage.getItem(REPORT_KEY);
      return kept !== null && kept.length > 0 && kept.length <= 2048 ? kept : null;
    }
  } catch {
    // disabled storage: this load only
  }
  return fromLink;
}
