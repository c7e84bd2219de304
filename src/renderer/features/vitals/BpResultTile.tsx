import { formatValue } from './display-units';
import { formatMeasuredAt } from './measured-time';
import type { BpResult } from './bp-results';

interface BpResultTileProps {
  readonly result: BpResult | null;
  readonly nowMs: number;
}

/**
 * A blood-pressure result: "128/82 mmHg", mean and pulse, and when the device measured it. Framed
 * and labelled as a measurement, never as a live value: a cuff result stays on screen long after
 * it was taken, and its time is what tells the doctor how old it is.
 */
export function BpResultTile({ result, nowMs }: BpResultTileProps) {
  return (
    <section
      className="tile tile--measurement"
      data-testid="bp-tile"
      data-measured-at={result?.time ?? ''}
      aria-label="Blood pressure, last measurement"
    >
      <header className="tile-header">
        <span className="tile-label">NIBP result</span>
      </header>
      {result === null ? (
        <p className="bp-none" data-testid="bp-none">
          No measurement yet
        </p>
      ) : (
        <>
          <output className="tile-value bp-value" data-testid="bp-value" aria-live="off">
            {formatValue(result.systolic)}/{formatValue(result.diastolic)}
            <span className="bp-unit"> mmHg</span>
          </output>
          <dl className="bp-facts">
            {result.mean !== null && (
              <div>
                <dt>Mean</dt>
                <dd data-testid="bp-mean">{formatValue(result.mean)}</dd>
              </div>
            )}
            {result.pulse !== null && (
              <div>
                <dt>Pulse</dt>
                <dd data-testid="bp-pulse">{formatValue(result.pulse)} bpm</dd>
              </div>
            )}
          </dl>
          <footer className="tile-footer">
            <span data-testid="bp-time">{formatMeasuredAt(result.timeMs, nowMs)}</span>
          </footer>
        </>
      )}
    </section>
  );
}
