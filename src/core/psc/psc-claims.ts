import { z } from 'zod';
import {
  PSC_ACR,
  PSC_METHOD,
  verifiedConsultantSchema,
  type PscRefusalCode,
  type VerifiedConsultant,
} from '../../shared/domain/consultant-identity';

/**
 * The one place that reads Pro Santé Connect's claims (sources: ./README.md).
 *
 * - ID token: `iss`, `aud`, `exp`, `iat`, `nonce`, `acr` (eidas1 for a CPS card or e-CPS
 *   sign-in), `auth_time`, `sub`.
 * - Userinfo (scope `scope_all`): `SubjectNameID`, the national identifier idNatPs, which for a
 *   professional in the RPPS is "8" followed by the 11-digit RPPS (ANS annuaire: idNatPs
 *   810003461033 ↔ RPPS 10003461033); `preferred_username` carries the same value; `given_name`,
 *   `family_name`. `SubjectRefPro` (the practice data) is not read: the station needs none of it.
 */
const idTokenSchema = z.looseObject({
  iss: z.string(),
  exp: z.number(),
  iat: z.number(),
  acr: z.string().optional(),
  auth_time: z.number().optional(),
});

const userinfoSchema = z.looseObject({
  SubjectNameID: z.string().optional(),
  preferred_username: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
});

/** idNatPs of an RPPS professional: "8" + the RPPS. ADELI-registered (type 0) carry no RPPS. */
const RPPS_ID_NAT_PS = /^8(\d{11})$/;
/** Seconds a token's `iat` may be ahead of our clock (the provider's clock drifts too). */
const CLOCK_TOLERANCE_S = 60;

export type IdentityCheck =
  | { readonly ok: true; readonly identity: VerifiedConsultant }
  | { readonly ok: false; readonly code: PscRefusalCode };

/**
 * The verified identity from the ID token (already signature-, issuer-, audience- and
 * nonce-checked by openid-client) and the userinfo, checked again here against `issuer` and the
 * injected clock `nowMs` (the tests move it; openid-client reads the wall clock).
 */
export function identityFromClaims(
  idTokenClaims: unknown,
  userinfo: unknown,
  expected: { readonly issuer: string; readonly nowMs: number },
): IdentityCheck {
  const token = idTokenSchema.safeParse(idTokenClaims);
  if (!token.success) return { ok: false, code: 'psc-refused' };
  const claims = token.data;
  if (claims.iss !== expected.issuer) return { ok: false, code: 'psc-wrong-issuer' };
  const nowS = expected.nowMs / 1000;
  if (claims.exp <= nowS || claims.iat > nowS + CLOCK_TOLERANCE_S) return { ok: false, code: 'psc-expired' };
  if (claims.acr !== PSC_ACR) return { ok: false, code: 'psc-wrong-acr' };
  const info = userinfoSchema.safeParse(userinfo);
  if (!info.success) return { ok: false, code: 'psc-no-rpps' };
  const idNatPs = info.data.SubjectNameID ?? info.data.preferred_username ?? '';
  const rpps = RPPS_ID_NAT_PS.exec(idNatPs)?.[1];
  if (rpps === undefined) return { ok: false, code: 'psc-no-rpps' };
  const identity = verifiedConsultantSchema.safeParse({
    verified: true,
    method: PSC_METHOD,
    rpps,
    familyName: info.data.family_name,
    givenName: info.data.given_name,
    issuer: claims.iss,
    acr: claims.acr,
    at: new Date((claims.auth_time ?? claims.iat) * 1000).toISOString(),
  });
  return identity.success ? { ok: true, identity: identity.data } : { ok: false, code: 'psc-no-rpps' };
}
