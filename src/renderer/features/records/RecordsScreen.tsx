import { useCallback, useEffect, useRef, useState } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import type { ConsultationSummary } from '../../../shared/domain/consultation';
import type { StationSession } from '../../app/station-session';
import { useLocale } from '../../i18n/I18nProvider';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { consultationMessages, patientName } from '../consultation/consultation-messages';
import { latestValuesText } from './latest-values';
import { RecordDetail } from './RecordDetail';
import { recordsMessages } from './records-messages';
import '../consultation/consultation.css';
import './records.css';

type ListState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly items: readonly ConsultationSummary[] }
  | { readonly kind: 'failed'; readonly message: string };

/** `#records`: every consultation kept on the station, newest first; open one to read or export it. */
export function RecordsScreen({ session }: { session: StationSession }) {
  const m = useMessages(recordsMessages);
  const problemText = useProblemText();
  const c = useMessages(consultationMessages);
  const format = useFormat();
  const locale = useLocale();
  const client = session.backend;
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [opened, setOpened] = useState<string | null>(null);
  const { titleRef, returnFocusTo } = useListFocus(opened);
  const reload = useCallback(() => {
    client
      .call('consultation.list', {})
      .then((items) =>
        setList({ kind: 'loaded', items: [...items].sort((a, b) => b.startedAt.localeCompare(a.startedAt)) }),
      )
      .catch((cause: unknown) => setList({ kind: 'failed', message: problemText(cause) }));
  }, [client, problemText]);
  useEffect(reload, [reload]);
  useEffect(() => client.on('consultation.changed', reload), [client, reload]);

  if (opened !== null) {
    return (
      <main className="consult-screen records-screen" data-testid="records-screen">
        <RecordDetail
          client={client}
          id={opened}
          onBack={() => {
            returnFocusTo(opened);
            setOpened(null);
          }}
          onDeleted={() => {
            returnFocusTo(null);
            setOpened(null);
            reload();
          }}
        />
      </main>
    );
  }
  return (
    <main className="consult-screen records-screen" data-testid="records-screen">
      <h1 className="consult-title" tabIndex={-1} ref={titleRef}>
        {m.title}
      </h1>
      {list.kind === 'loading' && <p>{m.loading}</p>}
      {list.kind === 'failed' && (
        <p className="consult-error" role="alert">
          {m.refused(list.message)}
        </p>
      )}
      {list.kind === 'loaded' && list.items.length === 0 && <p>{m.empty}</p>}
      {list.kind === 'loaded' && list.items.length > 0 && (
        <ul className="consult-list records-list" aria-label={m.listLabel} data-testid="records-list">
          {list.items.map((item) => {
            const extras = [
              item.hasReport ? m.withReport : null,
              item.hasCareSheet ? m.withCareSheet : null,
              item.counts.media > 0 ? m.mediaCount(item.counts.media) : null,
            ].filter((x): x is string => x !== null);
            const values = latestValuesText(item.latest ?? [], locale, format);
            const durationS =
              item.endedAt === null ? null : (Date.parse(item.endedAt) - Date.parse(item.startedAt)) / 1000;
            return (
              <li
                key={item.id}
                className="records-item"
                data-testid="records-item"
                data-status={item.status}
                data-id={item.id}
              >
                <div className="records-item-text">
                  <strong>{patientName(item.patient)}</strong>{' '}
                  <span className={`status-badge status-badge--${item.status}`} data-testid="records-status">
                    {c.status(item.status)}
                  </span>
                  <br />
                  <span className="records-item-facts">
                    {m.started(format.dateTime(new Date(item.startedAt)))}
                    {durationS !== null &&
                      ` · ${m.duration(format.duration(Math.max(0, Math.round(durationS))))}`}
                    {extras.length > 0 && ` · ${extras.join(' · ')}`}
                  </span>
                  {values !== '' && (
                    <>
                      <br />
                      <span className="records-item-facts" data-testid="records-values">
                        {m.latestValues(values)}
                      </span>
                    </>
                  )}
                </div>
                <button
                  className="button button--large"
                  type="button"
                  data-testid="records-open"
                  onClick={() => setOpened(item.id)}
                >
                  {m.open}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

/**
 * The list and a record's detail replace each other, and the focus would go down to <body> with
 * the button that was pressed (WCAG 2.4.3). Back from a record, the focus returns to that record's
 * "Open" button; after a deletion (the record is gone), to the list's title.
 */
function useListFocus(opened: string | null) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  // undefined: leave the focus alone (first visit); null: the title; an id: that record's button.
  const target = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const title = titleRef.current;
    if (opened !== null || target.current === undefined || title === null) return;
    const id = target.current;
    target.current = undefined;
    const rows = title.parentElement?.querySelectorAll<HTMLElement>('.records-item') ?? [];
    const row = [...rows].find((li) => li.dataset.id === id);
    (row?.querySelector('button') ?? title).focus();
  }, [opened]);
  const returnFocusTo = (id: string | null): void => {
    target.current = id;
  };
  return { titleRef, returnFocusTo };
}
