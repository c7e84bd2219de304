import { z } from 'zod';

/**
 * Who the doctor is, as the station knows it (issue 16 item 4). `verified: true` only when the
 * rendezvous server checked a Pro Santé Connect sign-in for the doctor's invite (authorization code
 * + PKCE, issuer, audience, nonce, expiry, `acr` eidas1) and the station verified the server's
 * signed assertion of it: never from anything the doctor's page says. Otherwise `verified: false`,
 * and the record and its exports say so.
 * Sources: ../../core/psc/README.md.
 */
export const PSC_METHOD = 'pro-sante-connect';
/** The assurance level PSC states for a CPS card or e-CPS sign-in (french-rules.md §3). */
export const PSC_ACR = 'eidas1';

const isoTime = z.iso.datetime({ offset: false, precision: 3 });
const rpps = z.string().regex(/^\d{11}$/, 'RPPS has 11 digits');
const name = z.string().trim().min(1).max(60);

export const verifiedConsultantSchema = z.strictObject({
  verified: z.literal(true),
  method: z.literal(PSC_METHOD),
  rpps,
  familyName: name,
  givenName: name,
  /** The OpenID issuer that authenticated the doctor. */
  issuer: z.url().max(300),
  acr: z.literal(PSC_ACR),
  /** When the doctor authenticated at the provider (`auth_time`), else when the token was issued. */
  at: isoTime,
});
export type VerifiedConsultant = z.infer<typeof verifiedConsultantSchema>;

export const consultantIdentitySchema = z.discriminatedUnion('verified', [
  verifiedConsultantSchema,
  z.strictObject({ verified: z.literal(false) }),
]);
export type ConsultantIdentity = z.infer<typeof consultantIdentitySchema>;

/**
 * The verified doctor as the record keeps it: the identity, plus when the record took it and the
 * first report and care-sheet version numbers saved after that. From then on the station takes a
 * report or care sheet signed by that doctor only (author-not-verified), so a version numbered from
 * there is provably theirs, and an earlier one is not: exports claim verification only for the
 * former (src/core/exports/signer-verification.ts). Absent on identities recorded before it existed.
 */
export const recordedConsultantSchema = z.discriminatedUnion('verified', [
  verifiedConsultantSchema.extend({
    recorded: z
      .strictObject({
        at: isoTime,
        reportFrom: z.number().int().positive(),
        careSheetFrom: z.number().int().positive(),
      })
      .optional(),
  }),
  z.strictObject({ verified: z.literal(false) }),
]);
export type RecordedConsultant = z.infer<typeof recordedConsultantSchema>;
export type RecordedVerifiedConsultant = Extract<RecordedConsultant, { verified: true }>;

export const UNVERIFIED_CONSULTANT: ConsultantIdentity = { verified: false };

/** The report's author name as the verified identity gives it: given name, then family name. */
export function authorNameOf(identity: VerifiedConsultant): string {
  return `${identity.givenName} ${identity.familyName}`;
}

/**
 * Why a Pro Santé Connect sign-in was refused, as codes the doctor's page words (FR/EN). The
 * rendezvous never words them: it puts the code in the page's address fragment.
 */
export const PSC_REFUSAL_CODES = [
  /** The doctor cancelled at the provider (error=access_denied). */
  'psc-cancelled',
  /** The provider authenticated at another level than eidas1 (CPS card or e-CPS). */
  'psc-wrong-acr',
  /** The ID token is past its expiry, or was issued in the future. */
  'psc-expired',
  /** The token (or the authorization response) names another issuer than the one configured. */
  'psc-wrong-issuer',
  /** The token is for another client, or its nonce is not this sign-in's. */
  'psc-wrong-audience',
  /** The sign-in's state is unknown: already used, too old, or never started here. */
  'psc-state-unknown',
  /** The identity carries no RPPS (SubjectNameID "8" + 11 digits) or no name. */
  'psc-no-rpps',
  /** The provider could not be reached, or answered with an error. */
  'psc-unavailable',
  /** Too many sign-ins are pending: try again in a moment. */
  'psc-busy',
  /** The invite is not valid (signature, expiry): ask the station for a new link. */
  'psc-bad-invite',
  /** Any other refusal by the provider or a check. */
  'psc-refused',
] as const;
export type PscRefusalCode = (typeof PSC_REFUSAL_CODES)[number];

export function isPscRefusalCode(value: string): value is PscRefusalCode {
  return (PSC_REFUSAL_CODES as readonly string[]).includes(value);
}

/** What the doctor's page asks before joining: is a sign-in required, and is this invite's done. */
export const pscSessionSchema = z.discriminatedUnion('required', [
  z.strictObject({ required: z.literal(false) }),
  z.strictObject({
    required: z.literal(true),
    /** The verified doctor, for the page to show and fill read-only: the station never trusts it. */
    identity: verifiedConsultantSchema.nullable(),
  }),
]);
export type PscSession = z.infer<typeof pscSessionSchema>;

/** Where the doctor's page asks (POST, JSON `{ invite }`), starts a sign-in, and comes back. */
export const PSC_SESSION_PATH = '/psc/session';
export const PSC_START_PATH = '/psc/start';
export const PSC_CALLBACK_PATH = '/psc/callback';
/**
 * A page signed in with one invite carries that sign-in to another link of the same station it was
 * handed (POST, JSON `{ invite, to }`): after the end, the report-only room's link (issue 12).
 */
export const PSC_CARRY_PATH = '/psc/carry';
/** The fragment key the callback's redirect carries the outcome in: `ok` or a refusal code. */
export const PSC_FRAGMENT = 'psc';
