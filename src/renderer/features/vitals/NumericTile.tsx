import { METRICS, type MetricId } from '../../../shared/domain/metrics';
import { displayUnit, formatAge, formatValue } from './display-units';
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
  const info = METRICS[metric];
  const ageMs = latest === undefined ? null : Math.max(0, nowMs - latest.timeMs);
  const stale = ageMs !== null && ageMs > staleAfterMs;
  return (
    <section
      className={stale ? 'tile tile--stale' : 'tile'}
      data-testid={`tile-${metric}`}
      data-metric={metric}
      data-stale={stale ? 'true' : 'false'}
      aria-label={info.label.en}
    >
      <header className="tile-header">
        <span className="tile-label">{info.label.en}</span>
        <span className="tile-unit">{displayUnit(latest?.unit ?? info.unit)}</span>
      </header>
      <output className="tile-value" data-testid={`tile-value-${metric}`} aria-live="off">
        {formatValue(latest?.value)}
      </output>
      <footer className="tile-footer">
        <span className="tile-device">{deviceName ?? latest?.device ?? 'No device'}</span>
        {stale && ageMs !== null && (
          <span className="tile-stale" data-testid={`tile-stale-${metric}`}>
            STALE · {formatAge(ageMs)}
          </span>
        )}
      </footer>
    </section>
  );
}
