import { authorNameOf, type VerifiedConsultant } from '../../shared/domain/consultant-identity';
import { useMessages } from '../i18n/use-messages';
import type { DoctorFields } from './report-form';
import { pscMessages } from './psc-messages';

/** The record forms' author fields as Pro Santé Connect verified them, or null (typed by the doctor). */
export function verifiedFields(identity: VerifiedConsultant | null): DoctorFields | null {
  return identity === null ? null : { name: authorNameOf(identity), rpps: identity.rpps };
}

/** "Identity verified by Pro Santé Connect: …" above the read-only author fields. */
export function VerifiedDoctorNote({ identity }: { identity: VerifiedConsultant | null }) {
  const m = useMessages(pscMessages);
  if (identity === null) return null;
  return (
    <p className="record-verified" data-testid="record-doctor-verified">
      {m.verified(authorNameOf(identity), identity.rpps)}
    </p>
  );
}
