import type { BackendApi } from '../../shared/api';
import { AppErrorException } from '../../shared/result';

/**
 * No consent, no call (issue 6): inviting a consultant or joining the room is refused unless a
 * consultation is active with the patient's consent to the teleconsultation. Wraps the call
 * handlers, so every host and every client meets the same rule.
 */
export const CONSENT_REQUIRED = 'consent-required';

export function gateCallsOnConsent(
  handlers: Pick<BackendApi, 'call.invite' | 'call.join'>,
  callAllowed: () => boolean,
): Pick<BackendApi, 'call.invite' | 'call.join'> {
  const refuse = (): Promise<never> =>
    Promise.reject(
      new AppErrorException(
        'forbidden',
        `${CONSENT_REQUIRED}: start a consultation with the patient's consent to the teleconsultation before calling`,
      ),
    );
  return {
    'call.invite': (request) => (callAllowed() ? handlers['call.invite'](request) : refuse()),
    'call.join': (request) => (callAllowed() ? handlers['call.join'](request) : refuse()),
  };
}
