import { useEffect, useState } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import type { ConsultationDetail } from '../../../shared/domain/consultation';
import type { BackendClient } from '../../backend-client/backend-client';

export type DetailState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly detail: ConsultationDetail }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * One consultation opened in full, fetched again whenever the backend says the active one changed
 * (a chat line, a snapshot, the report arriving during the call): the timeline stays live.
 */
export function useConsultationDetail(client: BackendClient, id: string): DetailState {
  const problemText = useProblemText();
  const [state, setState] = useState<DetailState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    let inFlight = false;
    let again = false;
    const load = (): void => {
      // Events can come in bursts (a chat exchange): one fetch at a time, and one more after it.
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      client
        .call('consultation.get', { id })
        .then((detail) => live && setState({ kind: 'loaded', detail }))
        .catch((cause: unknown) => live && setState({ kind: 'failed', message: problemText(cause) }))
        .finally(() => {
          inFlight = false;
          if (again && live) {
            again = false;
            load();
          }
        });
    };
    load();
    const unsubscribe = client.on('consultation.changed', (summary) => {
      if (summary === null || summary.id === id) load();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, id, problemText]);
  return state;
}
