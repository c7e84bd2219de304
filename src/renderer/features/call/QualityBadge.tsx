import type { QualitySummary } from './quality/stats-summary';

const GRADE_TEXT = { good: 'Good', fair: 'Fair', poor: 'Poor' } as const;

const fmt = (value: number | null, digits = 0, unit = ''): string =>
  value === null ? '–' : `${value.toFixed(digits)}${unit}`;

/** The call's health at a glance, with the figures behind it for whoever asks. */
export function QualityBadge({ summary }: { summary: QualitySummary | null }) {
  if (summary === null) {
    return (
      <div className="quality" data-testid="quality-badge" data-grade="unknown">
        Link quality: measuring…
      </div>
    );
  }
  const path = summary.relayed === null ? '' : summary.relayed ? 'relayed (TURN)' : 'direct';
  return (
    <div
      className="quality"
      data-testid="quality-badge"
      data-grade={summary.grade}
      data-relayed={String(summary.relayed)}
    >
      <span className={`quality-grade quality-grade--${summary.grade}`}>
        Link: {GRADE_TEXT[summary.grade]}
      </span>
      <span className="quality-figures">
        RTT {fmt(summary.rttMs, 0, ' ms')} · loss {fmt(summary.lossPct, 1, ' %')} · jitter{' '}
        {fmt(summary.jitterMs, 0, ' ms')}
        {' · '}
        {fmt(summary.inboundKbps, 0)}↓/{fmt(summary.outboundKbps, 0)}↑ kbit/s
        {summary.video !== null &&
          ` · ${summary.video.width}×${summary.video.height} ${fmt(summary.video.fps)} fps`}
        {path !== '' && ` · ${path}`}
      </span>
      {summary.stethoscope !== null && (
        <span
          className={`quality-grade quality-grade--${summary.stethoscope.grade}`}
          data-testid="stethoscope-quality"
          data-grade={summary.stethoscope.grade}
        >
          Stethoscope: {GRADE_TEXT[summary.stethoscope.grade]} (loss{' '}
          {fmt(summary.stethoscope.lossPct, 1, ' %')}, needs &lt; 2 %)
        </span>
      )}
    </div>
  );
}
