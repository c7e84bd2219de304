import { ChatLog } from '../features/call/ChatPanel';
import type { ControlLink } from '../features/call/control-link';
import { useStore } from '../features/use-store';
import { useFormat, useMessages } from '../i18n/use-messages';
import type { ConsultantRecord } from './consultant-record';
import type { ReportOnlyConnection } from './report-only-connection';
import { reportOnlyMessages } from './report-only-messages';

/** After the end: what the doctor may still do (a report version), and the link's state. */
export function ReportOnlyNotice({
  connection,
  record,
}: {
  connection: ReportOnlyConnection;
  record: ConsultantRecord;
}) {
  const m = useMessages(reportOnlyMessages);
  const format = useFormat();
  const phase = useStore(connection.phase);
  // Known once the station's seat has answered: the window as the station's setting says now.
  const closesAt = useStore(record.saved)?.windowClosesAt ?? null;
  return (
    <div className="report-only-notice" data-testid="report-only-notice">
      <p role="status">{m.afterEnd}</p>
      {closesAt !== null && (
        <p data-testid="report-only-window" data-closes-at={closesAt}>
          {m.until(format.dateTime(new Date(closesAt)))}
        </p>
      )}
      <p data-testid="report-only-phase" data-phase={phase} role={phase === 'closed' ? 'alert' : undefined}>
        {m.phase(phase)}
      </p>
    </div>
  );
}

/** The chat after the end: its lines stay readable, and the reason it takes no more is said. */
export function ClosedChat({ control }: { control: ControlLink }) {
  const m = useMessages(reportOnlyMessages);
  return (
    <section className="chat" aria-label={m.chatClosed}>
      <ChatLog control={control} self="doctor" />
      <p className="record-field-hint" role="status" data-testid="chat-closed">
        {m.chatClosed}
      </p>
    </section>
  );
}
