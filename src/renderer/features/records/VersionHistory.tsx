import type { ConsultationDetail, RecordVersion } from '../../../shared/domain/consultation';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { versionMessages } from './version-messages';

/**
 * Every saved version of the report and the care sheet, newest first, each with who saved it and
 * when; an earlier report opens to show its text as it was. Nothing is overwritten in the record.
 */
export function VersionHistory({ detail }: { detail: ConsultationDetail }) {
  const m = useMessages(versionMessages);
  const format = useFormat();
  const versions = [...(detail.versions ?? [])].reverse();
  if (versions.length === 0) return null;
  const newest = (v: RecordVersion): boolean =>
    !versions.some((o) => o.kind === v.kind && o.version > v.version);
  return (
    <section aria-labelledby="record-versions-title" data-testid="record-versions">
      <h2 id="record-versions-title">{m.historyTitle}</h2>
      <ol className="record-versions">
        {versions.map((v) => (
          <li key={`${v.kind}-${v.version}`} data-testid={`record-version-${v.kind}-${v.version}`}>
            {v.kind === 'report' && !newest(v) ? (
              <details>
                <summary>
                  {m.versionLine(v.kind, v.version, format.dateTime(Date.parse(v.savedAt)), v.savedBy)}
                </summary>
                <pre className="record-version-text">
                  {[v.report.reason, v.report.findings, v.report.conclusion, v.report.prescriptions]
                    .filter((t) => t !== '')
                    .join('\n\n')}
                </pre>
              </details>
            ) : (
              <>
                {m.versionLine(v.kind, v.version, format.dateTime(Date.parse(v.savedAt)), v.savedBy)}{' '}
                {newest(v) && m.latest}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "Version N, amended on …" for the latest report when it is not the first, else null. */
export function useAmendedLine(detail: ConsultationDetail): string | null {
  const m = useMessages(versionMessages);
  const format = useFormat();
  const reports = (detail.versions ?? []).filter((v) => v.kind === 'report');
  const latest = reports.at(-1);
  return latest === undefined || latest.version < 2
    ? null
    : m.amended(latest.version, format.dateTime(Date.parse(latest.savedAt)));
}
