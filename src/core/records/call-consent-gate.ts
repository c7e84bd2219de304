import type { BackendApi } from '../../shared/api';
import { AppErrorException } from '../../shared/result';

/**
 * No consent, no call (issue 6): inviting a consultant or joining the room is refused unless a
 * consultation is active with the patient's consent to the teleconsultation. Wraps the call
 * handlers, so every host and every client meets the same rule. The call's room belongs to that
 * consultation (`bindRoom`): the next consultation gets a new room, so a link issued for an earlier
 * patient, even unused, never leads into a later patient's call.
 */
export const CONSENT_REQUIRED = 'consent-required';

export function gateCallsOnConsent(
  handlers: Pick<BackendApi, 'call.invite' | 'call.join'>,
  callConsultation: () => string | null,
  bindRoom: (consultationId: string) => void,
): Pick<BackendApi, 'call.invite' | 'call.join'> {
  const refuse = (): Promise<never> =>
    Promise.reject(
      new AppErrorException(
        'forbidden',
        `${CONSENT_REQUIRED}: start a consultation with the patient's consent to the teleconsultation before calling`,
      ),
    );
  const admitted = (): boolean => {
    const consultation = callConsultation();
    if (consultation === null) return false;
    bindRoom(consultation);
    return true;
  };
  return {
    'call.invite': (request) => (admitted() ? handlers['call.invite'](request) : refuse()),
    'call.join': (request) => (admitted() ? handlers['call.join'](request) : refuse()),
  };
}
