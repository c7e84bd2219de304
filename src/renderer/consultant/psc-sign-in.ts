import {
  isPscRefusalCode,
  PSC_CARRY_PATH,
  PSC_FRAGMENT,
  PSC_SESSION_PATH,
  PSC_START_PATH,
  pscSessionSchema,
  verifiedConsultantSchema,
  type PscRefusalCode,
  type PscSession,
  type VerifiedConsultant,
} from '../../shared/domain/consultant-identity';

/**
 * The doctor's page's side of the Pro Santé Connect sign-in: it asks its rendezvous (the origin
 * that served it) whether this invite needs a sign-in and whether it is done, and where to go to
 * sign in. The invite goes in a POST body, never a URL. The page learns who the doctor is only to
 * show it: the station hears it from the rendezvous, never from this page.
 */
type Fetch = typeof fetch;

/** What `#psc=` says after the provider sent the doctor back: `ok`, a refusal code, or nothing. */
export function pscOutcomeFrom(hash: string): 'ok' | PscRefusalCode | null {
  const value = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get(PSC_FRAGMENT);
  if (value === 'ok') return 'ok';
  return value !== null && isPscRefusalCode(value) ? value : null;
}

/**
 * Whether this invite's doctor must sign in. A rendezvous without Pro Santé Connect has no such
 * path (404/405): no sign-in. Anything else unexpected is `psc-unavailable` (the join would be
 * refused `psc-required` anyway if a sign-in were needed).
 */
export async function pscSession(
  invite: string,
  fetchImpl: Fetch = fetch,
): Promise<PscSession | PscRefusalCode> {
  try {
    const response = await post(fetchImpl, PSC_SESSION_PATH, invite);
    if (response.status === 404 || response.status === 405) return { required: false };
    const body: unknown = await response.json();
    if (response.ok) {
      const session = pscSessionSchema.safeParse(body);
      return session.success ? session.data : 'psc-unavailable';
    }
    return refusalOf(body);
  } catch {
    return 'psc-unavailable';
  }
}

/** The provider's sign-in URL for this invite, or why not. */
export async function startPscSignIn(
  invite: string,
  fetchImpl: Fetch = fetch,
): Promise<{ url: string } | PscRefusalCode> {
  try {
    const response = await post(fetchImpl, PSC_START_PATH, invite);
    const body: unknown = await response.json();
    if (response.ok && typeof body === 'object' && body !== null && 'url' in body) {
      const url = body.url;
      if (typeof url === 'string' && /^https?:\/\//.test(url)) return { url };
    }
    return refusalOf(body);
  } catch {
    return 'psc-unavailable';
  }
}

/**
 * After the end: the sign-in this page did with `invite` carried to the report-only room's link
 * `to`, so the rendezvous seats the same verified doctor there (it refuses `psc-required` otherwise).
 */
export async function carryPscSignIn(
  invite: string,
  to: string,
  fetchImpl: Fetch = fetch,
): Promise<VerifiedConsultant | PscRefusalCode> {
  try {
    const response = await post(fetchImpl, PSC_CARRY_PATH, invite, { to });
    const body: unknown = await response.json();
    if (!response.ok) return refusalOf(body);
    const identity =
      typeof body === 'object' && body !== null && 'identity' in body
        ? verifiedConsultantSchema.safeParse(body.identity)
        : null;
    return identity?.success === true ? identity.data : 'psc-unavailable';
  } catch {
    return 'psc-unavailable';
  }
}

function post(fetchImpl: Fetch, path: string, invite: string, more: object = {}): Promise<Response> {
  return fetchImpl(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invite, ...more }),
    cache: 'no-store',
    credentials: 'omit',
  });
}

function refusalOf(body: unknown): PscRefusalCode {
  const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  return typeof code === 'string' && isPscRefusalCode(code) ? code : 'psc-unavailable';
}
