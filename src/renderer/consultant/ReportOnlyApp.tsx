import { useMessages } from '../i18n/use-messages';
import type { ConsultantRecord } from './consultant-record';
import { PatientPanel } from './PatientPanel';
import { RecordForms } from './RecordForms';
import type { ReportOnlyConnection } from './report-only-connection';
import { reportOnlyMessages } from './report-only-messages';
import { ReportOnlyNotice } from './ReportOnlyNotice';

/**
 * The doctor's page opened from a report-only link (`#report=`), issued by the station from the
 * record's screen after the end: who the patient is, the saved report loaded into the form, and
 * "Send to the station" — data only, no camera, no microphone.
 */
export function ReportOnlyApp({
  record,
  connection,
}: {
  record: ConsultantRecord;
  connection: ReportOnlyConnection;
}) {
  const m = useMessages(reportOnlyMessages);
  return (
    <div className="consultant consultant--report-only" data-testid="report-only-page">
      <header className="consultant-header">
        <h1 className="station-title">{m.title}</h1>
      </header>
      <main className="consultant-report-only">
        <ReportOnlyNotice connection={connection} record={record} />
        <PatientPanel record={record} />
        <RecordForms record={record} enabled afterEnd />
      </main>
    </div>
  );
}
