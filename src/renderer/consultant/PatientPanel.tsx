import { localDate } from '../features/consultation/dates';
import { patientName } from '../features/consultation/consultation-messages';
import { useStore } from '../features/use-store';
import { useFormat, useMessages } from '../i18n/use-messages';
import { consultantMessages } from './consultant-messages';
import type { ConsultantRecord } from './consultant-record';
import { localDay, patientAge } from './patient-age';
import { workspaceMessages } from './workspace-messages';

type PatientInfo = NonNullable<ReturnType<ConsultantRecord['patient']['getSnapshot']>>;

/** The patient's age on the consultation's day (its consent's time), worded; null if unknown. */
function useAgeText(info: PatientInfo | null): string | null {
  const w = useMessages(workspaceMessages);
  if (info === null) return null;
  const day = localDay(info.consent.recordedAt);
  const age = day === null ? null : patientAge(info.patient.birthDate, day);
  return age === null ? null : w.age(age);
}

/** Who the doctor is seeing, in one line above the video: name, age and sex, always in sight. */
export function PatientHeadline({ record }: { record: ConsultantRecord }) {
  const m = useMessages(consultantMessages);
  const info = useStore(record.patient);
  const age = useAgeText(info);
  if (info === null) return null;
  return (
    <p className="consultant-headline" data-testid="consultant-headline">
      <span className="consultant-headline-name">{patientName(info.patient)}</span>
      {age !== null && (
        <span className="consultant-headline-age" data-testid="consultant-patient-age">
          {age}
        </span>
      )}
      <span>{m.sexName(info.patient.sex)}</span>
    </p>
  );
}

/** Who the doctor is seeing and what the patient consented to, as the station sent it. */
export function PatientPanel({ record }: { record: ConsultantRecord }) {
  const m = useMessages(consultantMessages);
  const format = useFormat();
  const info = useStore(record.patient);
  const age = useAgeText(info);
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
            {age !== null && ` (${age})`}
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
