import './trends.css';
import { useStore } from '../../features/use-store';
import { useMessages } from '../../i18n/use-messages';
import { TREND_CHARTS } from './trend-charts';
import type { TrendHistory } from './trend-history';
import { TrendChart } from './TrendChart';
import { trendsMessages } from './trends-messages';

/**
 * How each numeric moved during the consultation, one chart per kind of value that arrived, with
 * the NEWS2 bands shaded, and said plainly: this is not a monitor and raises no alarm.
 */
export function TrendsPanel({ trends }: { trends: TrendHistory }) {
  const m = useMessages(trendsMessages);
  const { charts } = useStore(trends);
  const shown = TREND_CHARTS.filter((chart) => charts[chart.id] !== undefined);
  return (
    <section className="trends" aria-labelledby="trends-title" data-testid="trends">
      <div className="trends-header">
        <h2 id="trends-title" className="trends-title">
          {m.title}
        </h2>
        <strong className="trends-not-monitor" data-testid="trends-not-monitor">
          {m.notMonitor}
        </strong>
      </div>
      <p className="trends-note">{m.bands}</p>
      {shown.length === 0 && <p className="trends-note">{m.noValues}</p>}
      {shown.map((chart) => (
        <TrendChart key={chart.id} chart={chart} lines={charts[chart.id] ?? []} />
      ))}
    </section>
  );
}
