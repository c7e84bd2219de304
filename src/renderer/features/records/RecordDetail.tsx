import { useEffect, useRef, useState } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import {
  EXPORT_FORMATS,
  EXPORT_LANGUAGES,
  type ConsultationDetail,
  type ExportFormat,
  type ExportLanguage,
} from '../../../shared/domain/consultation';
import { isMetricId, metricInfo } from '../../../shared/domain/metrics';
import { listedDeviceName } from '../../../shared/i18n/device-names';
import type { BackendClient } from '../../backend-client/backend-client';
import { useLocale } from '../../i18n/I18nProvider';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { ConfirmDialog } from '../consultation/ConfirmDialog';
import { localDate } from '../consultation/dates';
import { PatientHeader } from '../consultation/PatientHeader';
import { Timeline } from '../consultation/Timeline';
import { useConsultationDetail } from '../consultation/use-consultation-detail';
import { downloadBase64 } from './download';
import { MediaItem } from './MediaItem';
import { recordsMessages } from './records-messages';
import { ReportLink } from './ReportLink';
import { useAmendedLine, VersionHistory } from './VersionHistory';

interface RecordDetailProps {
  readonly client: BackendClient;
  readonly id: string;
  readonly onBack: () => void;
  readonly onDeleted: () => void;
}

/** One consultation in full: who, consent, timeline, vitals, media, report; exports; deletion. */
export function RecordDetail({ client, id, onBack, onDeleted }: RecordDetailProps) {
  const m = useMessages(recordsMessages);
  const state = useConsultationDetail(client, id);
  // The list this replaces took the focus with it: it starts on the way back, the first control.
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => backRef.current?.focus(), []);
  return (
    <section className="record-detail" data-testid="record-detail">
      <button
        ref={backRef}
        className="button button--large"
        type="button"
        onClick={onBack}
        data-testid="record-back"
      >
        {m.back}
      </button>
      {state.kind === 'loading' && <p>{m.loading}</p>}
      {state.kind === 'failed' && (
        <p className="consult-error" role="alert">
          {m.refused(state.message)}
        </p>
      )}
      {state.kind === 'loaded' && (
        <LoadedDetail
          client={client}
          detail={state.detail}
          onDeleted={onDeleted}
          // Closing removes the button that had the focus: it goes back to the first control.
          onClosed={() => backRef.current?.focus()}
        />
      )}
    </section>
  );
}

function LoadedDetail({
  client,
  detail,
  onDeleted,
  onClosed,
}: {
  client: BackendClient;
  detail: ConsultationDetail;
  onDeleted: () => void;
  onClosed: () => void;
}) {
  const m = useMessages(recordsMessages);
  const { summary } = detail;
  return (
    <>
      <PatientHeader summary={summary} />
      {summary.status === 'interrupted' && (
        <CloseInterrupted client={client} id={summary.id} onClosed={onClosed} />
      )}
      <Exports client={client} id={summary.id} />
      <section aria-labelledby="record-timeline-title">
        <h2 id="record-timeline-title">{m.timeline}</h2>
        <Timeline events={detail.timeline} />
      </section>
      <Vitals detail={detail} />
      <section aria-labelledby="record-media-title">
        <h2 id="record-media-title">{m.media}</h2>
        {detail.media.length === 0 ? (
          <p>{m.mediaEmpty}</p>
        ) : (
          <ul className="record-media" data-testid="record-media">
            {detail.media.map((media) => (
              <MediaItem key={media.id} client={client} id={summary.id} media={media} />
            ))}
          </ul>
        )}
      </section>
      <ReportView detail={detail} />
      <VersionHistory detail={detail} />
      {summary.status !== 'active' && <ReportLink consultationId={summary.id} />}
      <Delete client={client} id={summary.id} active={summary.status === 'active'} onDeleted={onDeleted} />
    </>
  );
}

function Vitals({ detail }: { detail: ConsultationDetail }) {
  const m = useMessages(recordsMessages);
  const format = useFormat();
  const locale = useLocale();
  const at = (point: { value: number; time: string } | null, unit: string): string =>
    point === null ? '–' : m.atTime(format.quantity(point.value, unit), format.time(new Date(point.time)));
  return (
    <section aria-labelledby="record-vitals-title">
      <h2 id="record-vitals-title">{m.vitals}</h2>
      {detail.metrics.length === 0 ? (
        <p data-testid="record-vitals-empty">
          {detail.summary.consent.deviceData ? m.vitalsEmpty : m.vitalsNoConsent}
        </p>
      ) : (
        <table className="record-table" data-testid="record-metrics">
          <thead>
            <tr>
              <th scope="col">{m.metric}</th>
              <th scope="col">{m.device}</th>
              <th scope="col">{m.count}</th>
              <th scope="col">{m.min}</th>
              <th scope="col">{m.max}</th>
              <th scope="col">{m.last}</th>
            </tr>
          </thead>
          <tbody>
            {detail.metrics.map((metric) => (
              <tr key={`${metric.device}/${metric.metric}`}>
                <th scope="row">
                  {isMetricId(metric.metric) ? metricInfo(metric.metric).label[locale] : metric.metric}
                </th>
                <td>{listedDeviceName(detail.devices, metric.device, locale)}</td>
                <td>{format.number(metric.count)}</td>
                <td>{at(metric.min, metric.unit)}</td>
                <td>{at(metric.max, metric.unit)}</td>
                <td>{at(metric.last, metric.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReportView({ detail }: { detail: ConsultationDetail }) {
  const m = useMessages(recordsMessages);
  const format = useFormat();
  const { report, careSheet } = detail;
  const amended = useAmendedLine(detail);
  return (
    <>
      <section aria-labelledby="record-report-title" data-testid="record-report">
        <h2 id="record-report-title">{m.report}</h2>
        {report === null ? (
          <p>{m.noReport}</p>
        ) : (
          <>
            {amended !== null && (
              <p className="record-amended" data-testid="record-report-amended">
                {amended}
              </p>
            )}
            <p>{m.author(report.author.name, report.author.rpps)}</p>
            <dl className="record-report">
              {(
                [
                  ['reason', m.reason],
                  ['findings', m.findings],
                  ['conclusion', m.conclusion],
                  ['prescriptions', m.prescriptions],
                ] as const
              ).map(([key, label]) =>
                report[key] === '' ? null : (
                  <div key={key}>
                    <dt>{label}</dt>
                    <dd>{report[key]}</dd>
                  </div>
                ),
              )}
            </dl>
          </>
        )}
      </section>
      <section aria-labelledby="record-care-title" data-testid="record-care-sheet">
        <h2 id="record-care-title">{m.careSheet}</h2>
        {careSheet === null ? (
          <p>{m.noCareSheet}</p>
        ) : (
          <p>
            {m.careSheetLine(
              careSheet.actCode +
                (careSheet.accompanyingAct === null ? '' : ` + ${careSheet.accompanyingAct}`),
              format.date(localDate(careSheet.date)),
              `${careSheet.doctor.name} (RPPS ${careSheet.doctor.rpps})`,
            )}
          </p>
        )}
      </section>
    </>
  );
}

type ExportState =
  | { readonly kind: 'busy'; readonly format: ExportFormat }
  | { readonly kind: 'done'; readonly format: ExportFormat; readonly fileName: string }
  | { readonly kind: 'failed'; readonly format: ExportFormat; readonly message: string };

/** The four exports, in the chosen language; each one is written to the audit log by the backend. */
function Exports({ client, id }: { client: BackendClient; id: string }) {
  const m = useMessages(recordsMessages);
  const problemText = useProblemText();
  const [language, setLanguage] = useState<ExportLanguage>(useLocale());
  const [state, setState] = useState<ExportState | null>(null);
  return (
    <section className="record-exports" aria-labelledby="record-exports-title">
      <h2 id="record-exports-title">{m.exports}</h2>
      <label className="record-exports-language">
        {m.exportLanguage}
        <select
          value={language}
          data-testid="export-language"
          onChange={(event) => setLanguage(event.target.value as ExportLanguage)}
        >
          {EXPORT_LANGUAGES.map((lang) => (
            <option key={lang} value={lang}>
              {m.languageName(lang)}
            </option>
          ))}
        </select>
      </label>
      <div className="record-exports-buttons">
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            className="button button--large"
            type="button"
            data-testid={`export-${format}`}
            // Not `disabled`: Chromium drops the focus of a button that becomes disabled.
            aria-disabled={state?.kind === 'busy'}
            onClick={() => {
              if (state?.kind === 'busy') return;
              setState({ kind: 'busy', format });
              client
                .call('consultation.export', { id, format, language })
                .then((file) => {
                  downloadBase64(file.fileName, file.mime, file.dataBase64);
                  setState({ kind: 'done', format, fileName: file.fileName });
                })
                .catch((cause: unknown) => setState({ kind: 'failed', format, message: problemText(cause) }));
            }}
          >
            {m.exportFormat(format)}
          </button>
        ))}
      </div>
      {state !== null && (
        <p
          role={state.kind === 'failed' ? 'alert' : 'status'}
          className={state.kind === 'failed' ? 'consult-error' : undefined}
          data-testid="export-status"
          data-kind={state.kind}
          data-format={state.format}
        >
          {state.kind === 'busy' && m.exporting}
          {state.kind === 'done' && m.exported(state.fileName)}
          {state.kind === 'failed' && m.refused(state.message)}
        </p>
      )}
    </section>
  );
}

/** An interrupted record is read, then closed (it takes nothing new either way). */
function CloseInterrupted({
  client,
  id,
  onClosed,
}: {
  client: BackendClient;
  id: string;
  onClosed: () => void;
}) {
  const m = useMessages(recordsMessages);
  const problemText = useProblemText();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="record-interrupted">
      <p>{m.interruptedNote}</p>
      <button
        className="button button--large"
        type="button"
        data-testid="record-close-interrupted"
        // The detail and the list refetch on the `consultation.changed` that closing emits.
        onClick={() => {
          client
            .call('consultation.end', { id })
            .then(onClosed, (cause: unknown) => setProblem(problemText(cause)));
        }}
      >
        {m.closeInterrupted}
      </button>
      {problem !== null && (
        <p className="consult-error" role="alert">
          {m.refused(problem)}
        </p>
      )}
    </div>
  );
}

function Delete({
  client,
  id,
  active,
  onDeleted,
}: {
  client: BackendClient;
  id: string;
  active: boolean;
  onDeleted: () => void;
}) {
  const m = useMessages(recordsMessages);
  const problemText = useProblemText();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (active) return <p className="record-note">{m.activeNoDelete}</p>;
  return (
    <div className="record-delete">
      <button
        className="button button--large button--danger"
        type="button"
        data-testid="record-delete"
        onClick={() => setConfirming(true)}
      >
        {m.delete}
      </button>
      {problem !== null && (
        <p className="consult-error" role="alert">
          {m.refused(problem)}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          testId="record-delete-dialog"
          title={m.deleteTitle}
          text={m.deleteText}
          confirm={m.deleteConfirm}
          cancel={m.cancel}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            client
              .call('consultation.delete', { id })
              .then(onDeleted)
              .catch((cause: unknown) => {
                setConfirming(false);
                setProblem(problemText(cause));
              });
          }}
        />
      )}
    </div>
  );
}
