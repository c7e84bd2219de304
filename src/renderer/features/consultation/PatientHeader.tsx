import type { ConsultationSummary } from '../../../shared/domain/consultation';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { consultationMessages, patientName } from './consultation-messages';
import { localDate } from './dates';

/** Who the consultation is for, who is with them, and what they consented to. */
export function PatientHeader({ summary }: { summary: ConsultationSummary }) {
  const m = useMessages(consultationMessages);
  const format = useFormat();
  const { patient, accompanying, consent } = summary;
  return (
    <header className="consult-patient" data-testid="consultation-patient">
      <h2 className="consult-patient-name">{patientName(patient)}</h2>
      <p className="consult-patient-facts">
        {m.sexName(patient.sex)} · {m.born(format.date(localDate(patient.birthDate)), patient.sex)}
        {summary.motive !== undefined && ` · ${summary.motive}`}
      </p>
      {accompanying !== null && (
        <p className="consult-patient-facts">
          {m.accompaniedBy(accompanying.name, m.roleName(accompanying.role))}
        </p>
      )}
      <p className="consult-patient-facts" data-testid="consultation-consent">
        {m.consentSummary(consent.deviceData, consent.recordedBy)}
      </p>
      {!consent.deviceData && (
        <p className="consult-patient-facts consult-no-device-data" data-testid="consultation-no-device-data">
          {m.noDeviceData}
        </p>
      )}
    </header>
  );
}
