import { useFormat, useMessages } from '../../i18n/use-messages';
import { callMessages } from './call-messages';
import type { QualitySummary } from './quality/stats-summary';

/**
 * The call's health at a glance, with the figures behind it for whoever asks. While the link is
 * down (nothing arrives: `linkDown`), the last figures would claim a good link: it says
 * "interrupted" instead (`data-grade="interrupted"`).
 */
export function QualityBadge({
  summary,
  linkDown = false,
}: {
  summary: QualitySummary | null;
  linkDown?: boolean;
}) {
  const m = useMessages(callMessages);
  const format = useFormat();
  if (linkDown) {
    return (
      <div className="quality" data-testid="quality-badge" data-grade="interrupted">
        <span className="quality-grade quality-grade--poor">{m.link(m.linkInterrupted)}</span>
      </div>
    );
  }
  if (summary === null) {
    return (
      <div className="quality" data-testid="quality-badge" data-grade="unknown">
        {m.measuring}
      </div>
    );
  }
  const fmt = (value: number | null, digits = 0, unit = ''): string =>
    value === null ? '–' : `${format.number(value, digits)}${unit}`;
  const path = summary.relayed === null ? '' : summary.relayed ? m.relayed : m.direct;
  return (
    <div
      className="quality"
      data-testid="quality-badge"
      data-grade={summary.grade}
      data-relayed={String(summary.relayed)}
    >
      <span className={`quality-grade quality-grade--${summary.grade}`}>
        {m.link(m.grade(summary.grade))}
      </span>
      <span className="quality-figures">
        {m.figures(
          fmt(summary.rttMs, 0, ' ms'),
          fmt(summary.lossPct, 1, ' %'),
          fmt(summary.jitterMs, 0, ' ms'),
          fmt(summary.inboundKbps, 0),
          fmt(summary.outboundKbps, 0),
        )}
        {summary.video !== null &&
          ` · ${m.video(summary.video.width, summary.video.height, fmt(summary.video.fps))}`}
        {path !== '' && ` · ${path}`}
      </span>
      {summary.stethoscope !== null && (
        <span
          className={`quality-grade quality-grade--${summary.stethoscope.grade}`}
          data-testid="stethoscope-quality"
          data-grade={summary.stethoscope.grade}
        >
          {m.stethoscopeGrade(m.grade(summary.stethoscope.grade), fmt(summary.stethoscope.lossPct, 1, ' %'))}
        </span>
      )}
    </div>
  );
}
