import { useState, useSyncExternalStore } from 'react';
import { BackendCallError } from '../../backend-client/backend-client';
import { problemCodeOf } from '../../../shared/domain/problem-codes';
import { useProblemText } from '../../i18n/problem-text';
import { useMessages } from '../../i18n/use-messages';
import type { ReportOnlyLink, ReportOnlyRooms } from '../call/report-only-rooms';
import { reportLinkMessages } from './report-link-messages';

type LinkState =
  | { readonly kind: 'idle' | 'issuing' }
  | { readonly kind: 'issued'; readonly link: ReportOnlyLink }
  | { readonly kind: 'refused'; readonly code: string; readonly cause: unknown };

/**
 * A closed record's report link (issue 12): after a restart of the station's page, or for a doctor
 * who had none, the nurse issues a new report-only link here while the amendment window is open;
 * this page then keeps the data-only responder seated for it. The backend refuses a closed window.
 */
export function ReportLink({ consultationId }: { consultationId: string }) {
  const m = useMessages(reportLinkMessages);
  const problemText = useProblemText();
  const [state, setState] = useState<LinkState>({ kind: 'idle' });
  // The call machinery (a data-only peer) is loaded when a link is asked for, not with the records.
  const [rooms, setRooms] = useState<ReportOnlyRooms | null>(null);
  const seated = useSyncExternalStore(rooms?.seated.subscribe ?? noSubscription, () =>
    rooms === null ? false : rooms.seated.getSnapshot().includes(consultationId),
  );
  const issue = (): void => {
    setState({ kind: 'issuing' });
    import('../call/report-only-rooms')
      .then(({ reportOnlyRooms }) => {
        setRooms(reportOnlyRooms);
        return reportOnlyRooms.open(consultationId);
      })
      .then(
        (link) => setState({ kind: 'issued', link }),
        (cause: unknown) => setState(refusalOf(cause)),
      );
  };
  return (
    <section aria-labelledby="record-report-link-title" data-testid="record-report-link">
      <h2 id="record-report-link-title">{m.title}</h2>
      <p>{m.explain}</p>
      <button
        className="button button--large"
        type="button"
        disabled={state.kind === 'issuing'}
        onClick={issue}
        data-testid="record-report-link-issue"
      >
        {state.kind === 'issuing' ? m.issuing : m.issue}
      </button>
      {state.kind === 'issued' && (
        <input
          className="invite-url"
          readOnly
          value={state.link.consultantUrl}
          aria-label={m.link}
          data-testid="record-report-link-url"
        />
      )}
      {seated && (
        <p role="status" data-testid="record-report-link-seated">
          {m.seated}
        </p>
      )}
      {state.kind === 'refused' && (
        <p
          className="consult-error"
          role="alert"
          data-testid="record-report-link-refused"
          data-code={state.code}
        >
          {m.refused(problemText(state.cause))}
        </p>
      )}
    </section>
  );
}

const noSubscription = (): (() => void) => () => undefined;

/** The backend's refusal, its code kept for the screen (the words come from the problem catalogue). */
function refusalOf(cause: unknown): LinkState {
  const code = cause instanceof BackendCallError ? problemCodeOf(cause.code, cause.message) : 'unexpected';
  return { kind: 'refused', code, cause };
}
