import type { BackendApi } from '../../shared/api';

/**
 * Who the doctor is, as far as the station knows: the consultant invite it issued for the
 * consultation (a signed, single-use link; the rendezvous lets one browser in with it). There is no
 * doctor sign-in yet, so the audit names that session (`consultant:<invite id>`), never the name a
 * client typed into a form; the name written in the report stays part of the report.
 */
export class ConsultantSessions {
  private readonly byConsultation = new Map<string, string>();

  /** The audit actor for a write the doctor made in this consultation. */
  actorFor(consultationId: string): string {
    const invite = this.byConsultation.get(consultationId);
    return invite === undefined ? 'consultant:no-invite' : `consultant:${invite}`;
  }

  /** The consultation whose doctor was given this invite (its `jti`), if any. */
  consultationOf(invite: string): string | null {
    for (const [consultation, jti] of this.byConsultation) if (jti === invite) return consultation;
    return null;
  }

  /** Wraps `call.invite` to remember, per consultation, the invite its doctor was given. */
  remember(
    invite: BackendApi['call.invite'],
    callConsultation: () => string | null,
  ): BackendApi['call.invite'] {
    return async (request) => {
      const result = await invite(request);
      const consultation = callConsultation();
      const jti = inviteIdOf(result.consultantToken);
      if (consultation !== null && jti !== null) this.byConsultation.set(consultation, jti);
      return result;
    };
  }
}

/**
 * The `jti` of an invite this backend just signed (`v1.<payload>.<signature>`): read, not verified,
 * since it comes from our own `call.invite` and never from a client.
 */
export function inviteIdOf(token: string): string | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { jti?: unknown };
    return typeof claims.jti === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(claims.jti) ? claims.jti : null;
  } catch {
    return null;
  }
}
