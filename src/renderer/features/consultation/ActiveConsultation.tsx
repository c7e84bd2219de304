import { useState } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import type { ConsultationSummary } from '../../../shared/domain/consultation';
import type { BackendClient } from '../../backend-client/backend-client';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { useNow } from '../use-store';
import { ConfirmDialog } from './ConfirmDialog';
import { consultationMessages } from './consultation-messages';
import { PatientHeader } from './PatientHeader';
import { RecordingAlert } from './RecordingAlert';
import { Timeline } from './Timeline';
import { useConsultationDetail } from './use-consultation-detail';

interface ActiveConsultationProps {
  readonly client: BackendClient;
  readonly summary: ConsultationSummary;
  /** Called once the backend closed the record. */
  readonly onEnded: () => void;
}

/** The consultation under way: who, how long, what was recorded (live), a note, and the end. */
export function ActiveConsultation({ client, summary, onEnded }: ActiveConsultationProps) {
  const m = useMessages(consultationMessages);
  const problemText = useProblemText();
  const format = useFormat();
  const nowMs = useNow(1000);
  const detail = useConsultationDetail(client, summary.id);
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const elapsedS = Math.max(0, Math.floor((nowMs - Date.parse(summary.startedAt)) / 1000));
  return (
    <section
      className="consult-active"
      aria-labelledby="consult-active-title"
      data-testid="consultation-active"
    >
      <h1 id="consult-active-title" className="consult-title">
        {m.activeTitle}
      </h1>
      <PatientHeader summary={summary} />
      {/* Right under whose record it is: whether its readings are being saved. */}
      <RecordingAlert recording={summary.recording} />
      <p className="consult-elapsed" data-testid="consultation-elapsed">
        {m.startedAt(format.time(new Date(summary.startedAt)))} · {m.elapsed(format.duration(elapsedS))}
      </p>
      <NoteForm client={client} id={summary.id} author={summary.consent.recordedBy} />
      <section className="consult-timeline" aria-label={m.timeline}>
        <h2>{m.timeline}</h2>
        {detail.kind === 'loading' && <p>{m.loading}</p>}
        {detail.kind === 'failed' && (
          <p className="consult-error" role="alert">
            {m.backendError(detail.message)}
          </p>
        )}
        {detail.kind === 'loaded' && <Timeline events={detail.detail.timeline} />}
      </section>
      {problem !== null && (
        <p className="consult-error" role="alert">
          {m.backendError(problem)}
        </p>
      )}
      <div className="consult-actions">
        <a className="button button--large" href="#station">
          {m.goLive}
        </a>
        <button
          className="button button--large button--danger"
          type="button"
          data-testid="consultation-end"
          onClick={() => setConfirming(true)}
        >
          {m.end}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          testId="consultation-end-dialog"
          title={m.endConfirmTitle}
          text={m.endConfirmText}
          confirm={ending ? m.ending : m.endConfirm}
          cancel={m.keepOpen}
          busy={ending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setEnding(true);
            client
              .call('consultation.end', { id: summary.id })
              .then(() => onEnded())
              .catch((cause: unknown) => {
                setProblem(problemText(cause));
                setConfirming(false);
              })
              .finally(() => setEnding(false));
          }}
        />
      )}
    </section>
  );
}

/** The station's own note into the timeline (what the nurse observed, a measurement by hand…). */
function NoteForm({ client, id, author }: { client: BackendClient; id: string; author: string }) {
  const m = useMessages(consultationMessages);
  const problemText = useProblemText();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="consult-note"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') return;
        client
          .call('consultation.append', { id, event: { kind: 'note', author, text: text.trim() } })
          .then(() => {
            setText('');
            setStatus({ ok: true, text: m.noteSaved });
          })
          .catch((cause: unknown) => setStatus({ ok: false, text: m.backendError(problemText(cause)) }));
      }}
    >
      <label htmlFor="consult-note">{m.noteLabel}</label>
      <textarea
        id="consult-note"
        rows={2}
        maxLength={10_000}
        value={text}
        data-testid="consultation-note"
        onChange={(event) => setText(event.target.value)}
      />
      <button className="button button--large" type="submit" data-testid="consultation-note-add">
        {m.addNote}
      </button>
      {status !== null && (
        <span role={status.ok ? 'status' : 'alert'} className={status.ok ? 'consult-ok' : 'consult-error'}>
          {status.text}
        </span>
      )}
    </form>
  );
}
