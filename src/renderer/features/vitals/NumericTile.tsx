import { METRICS, type MetricId } from '../../../shared/domain/metrics';
import { displayUnitOf } from '../../../shared/i18n';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { vitalsMessages } from './vitals-messages';
import type { LatestNumeric } from './vitals-store';

interface NumericTileProps {
  readonly metric: MetricId;
  readonly latest: LatestNumeric | undefined;
  /** Name of the device the value came from, when known. */
  readonly deviceName?: string | undefined;
  readonly nowMs: number;
  /** After this long without a new value the tile is marked stale. */
  readonly staleAfterMs: number;
}

/**
 * One vital sign, large enough to read from across the room. `--` when the device reports the
 * value as invalid or nothing came yet; a stale value stays visible but is dimmed and labelled
 * with its age, so nobody reads an old number as current.
 */
export function NumericTile({ metric, latest, deviceName, nowMs, staleAfterMs }: NumericTileProps) {
  const m = useMessages(vitalsMessages);
  const format = useFormat();
  const info = METRICS[metric];
  const label = info.label[format.locale];
  const unit = latest?.unit ?? info.unit;
  const ageMs = latest === undefined ? null : Math.max(0, nowMs - latest.timeMs);
  const stale = ageMs !== null && ageMs > staleAfterMs;
  return (
    <section
      className={stale ? 'tile tile--stale' : 'tile'}
      data-testid={`tile-${metric}`}
      data-metric={metric}
      data-stale={stale ? 'true' : 'false'}
      aria-label={label}
    >
      <header className="tile-header">
        <span className="tile-label">{label}</span>
        <span className="tile-unit">{displayUnitOf(metric, unit)}</span>
      </header>
      {/* The label says value and unit together ("37,2 °C"): a screen reader must not read "37,2" alone. */}
      <output
        className="tile-value"
        data-testid={`tile-value-${metric}`}
        aria-live="off"
        aria-label={
          latest?.value === null || latest?.value === undefined
            ? m.noValue
            : format.measurement(metric, latest.value, unit)
        }
      >
        {format.metricNumber(metric, latest?.value)}
      </output>
      <footer className="tile-footer">
        <span className="tile-device">{deviceName ?? latest?.device ?? m.noDevice}</span>
        {stale && ageMs !== null && (
          <span className="tile-stale" data-testid={`tile-stale-${metric}`}>
            {m.stale(format.age(ageMs))}
          </span>
        )}
      </footer>
    </section>
  );
}
