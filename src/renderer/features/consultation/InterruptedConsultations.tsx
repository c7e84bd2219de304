import { useCallback, useEffect, useState } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import type { ConsultationSummary } from '../../../shared/domain/consultation';
import type { BackendClient } from '../../backend-client/backend-client';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { consultationMessages, patientName } from './consultation-messages';
import { PatientHeader } from './PatientHeader';
import { Timeline } from './Timeline';
import { useConsultationDetail } from './use-consultation-detail';

/**
 * Consultations the station stopped in the middle of (a crash, a power cut): listed so each can be
 * read back, read-only, and closed. Nothing is added to them any more.
 */
export function InterruptedConsultations({ client }: { client: BackendClient }) {
  const m = useMessages(consultationMessages);
  const problemText = useProblemText();
  const format = useFormat();
  const [items, setItems] = useState<readonly ConsultationSummary[]>([]);
  const [opened, setOpened] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = useCallback(() => {
    client
      .call('consultation.list', {})
      .then((list) => setItems(list.filter((item) => item.status === 'interrupted')))
      .catch((cause: unknown) => setProblem(problemText(cause)));
  }, [client, problemText]);
  useEffect(reload, [reload]);
  const close = (id: string): void => {
    client
      .call('consultation.end', { id })
      .then(() => {
        setOpened(null);
        reload();
      })
      .catch((cause: unknown) => setProblem(problemText(cause)));
  };
  if (opened !== null) {
    return (
      <ReadOnlyConsultation client={client} id={opened} onBack={() => setOpened(null)} onClose={close} />
    );
  }
  if (items.length === 0 && problem === null) return null;
  return (
    <section className="consult-interrupted" aria-labelledby="consult-interrupted-title">
      <h2 id="consult-interrupted-title">{m.interruptedTitle}</h2>
      <p>{m.interruptedExplain}</p>
      {problem !== null && (
        <p className="consult-error" role="alert">
          {m.backendError(problem)}
        </p>
      )}
      <ul className="consult-list">
        {items.map((item) => (
          <li key={item.id} className="consult-list-item" data-testid="interrupted-item">
            <span>
              {patientName(item.patient)} · {format.dateTime(new Date(item.startedAt))}{' '}
              <span className="status-badge status-badge--interrupted">{m.status(item.status)}</span>
            </span>
            <button className="button button--large" type="button" onClick={() => setOpened(item.id)}>
              {m.open}
            </button>
            <button className="button button--large" type="button" onClick={() => close(item.id)}>
              {m.close}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ReadOnlyProps {
  readonly client: BackendClient;
  readonly id: string;
  readonly onBack: () => void;
  readonly onClose: (id: string) => void;
}

function ReadOnlyConsultation({ client, id, onBack, onClose }: ReadOnlyProps) {
  const m = useMessages(consultationMessages);
  const detail = useConsultationDetail(client, id);
  return (
    <section className="consult-readonly" aria-label={m.readOnly}>
      <p className="status-badge status-badge--interrupted">{m.readOnly}</p>
      {detail.kind === 'loading' && <p>{m.loading}</p>}
      {detail.kind === 'failed' && (
        <p className="consult-error" role="alert">
          {m.backendError(detail.message)}
        </p>
      )}
      {detail.kind === 'loaded' && (
        <>
          <PatientHeader summary={detail.detail.summary} />
          <Timeline events={detail.detail.timeline} />
        </>
      )}
      <div className="consult-actions">
        <button className="button button--large" type="button" onClick={onBack}>
          {m.back}
        </button>
        <button className="button button--large button--danger" type="button" onClick={() => onClose(id)}>
          {m.closeRecord}
        </button>
      </div>
    </section>
  );
}
