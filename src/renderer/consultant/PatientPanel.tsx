import { localDate } from '../features/consultation/dates';
import { patientName } from '../features/consultation/consultation-messages';
import { useStore } from '../features/use-store';
import { useFormat, useMessages } from '../i18n/use-messages';
import { consultantMessages } from './consultant-messages';
import type { ConsultantRecord } from './consultant-record';

/** Who the doctor is seeing and what the patient consented to, as the station sent it. */
export function PatientPanel({ record }: { record: ConsultantRecord }) {
  const m = useMessages(consultantMessages);
  const format = useFormat();
  const info = useStore(record.patient);
  return (
    <section
      className="consultant-patient"
      aria-labelledby="consultant-patient-title"
      data-testid="consultant-patient"
    >
      <h2 id="consultant-patient-title">{m.patientTitle}</h2>
      {info === null ? (
        <p>{m.patientWaiting}</p>
      ) : (
        <>
          <p className="consultant-patient-name" data-testid="consultant-patient-name">
            {patientName(info.patient)}
          </p>
          <p>
            {m.sexName(info.patient.sex)} ·{' '}
            {m.born(format.date(localDate(info.patient.birthDate)), info.patient.sex)}
            {info.accompanying !== null && ` · ${m.with(info.accompanying.name, info.accompanying.role)}`}
          </p>
          {info.motive !== undefined && <p>{m.motive(info.motive)}</p>}
          <p data-testid="consultant-consent" data-device-data={String(info.consent.deviceData)}>
            {m.consent(
              info.consent.deviceData,
              info.consent.recordedBy,
              format.time(new Date(info.consent.recordedAt)),
            )}
          </p>
        </>
      )}
    </section>
  );
}
