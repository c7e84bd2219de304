import { displayUnit } from '../../../shared/i18n';
import { useFormat, useMessages } from '../../i18n/use-messages';
import type { BpResult } from './bp-results';
import { formatMeasuredAt } from './measured-time';
import { vitalsMessages } from './vitals-messages';

interface BpResultTileProps {
  readonly result: BpResult | null;
  readonly nowMs: number;
  /**
   * Epoch ms the active consultation started, if any: a result measured before it (a cuff's stored
   * record) is marked so, since it may be another patient's until the nurse confirms it.
   */
  readonly consultationStartMs?: number | null;
}

/**
 * A blood-pressure result: "128/82 mmHg", mean and pulse, and when the device measured it. Framed
 * and labelled as a measurement, never as a live value: a cuff result stays on screen long after
 * it was taken, and its time is what tells the doctor how old it is.
 */
export function BpResultTile({ result, nowMs, consultationStartMs = null }: BpResultTileProps) {
  const m = useMessages(vitalsMessages);
  const format = useFormat();
  const beforeConsultation =
    result !== null && consultationStartMs !== null && result.timeMs < consultationStartMs;
  return (
    <section
      className="tile tile--measurement"
      data-testid="bp-tile"
      data-measured-at={result?.time ?? ''}
      data-before-consultation={beforeConsultation ? 'true' : 'false'}
      aria-label={m.bpAriaLabel}
    >
      <header className="tile-header">
        <span className="tile-label">{m.bpTitle}</span>
      </header>
      {result === null ? (
        <p className="bp-none" data-testid="bp-none">
          {m.bpNone}
        </p>
      ) : (
        <>
          <output className="tile-value bp-value" data-testid="bp-value" aria-live="off">
            {format.number(result.systolic)}/{format.number(result.diastolic)}
            <span className="bp-unit"> {displayUnit('mm[Hg]')}</span>
          </output>
          <dl className="bp-facts">
            {result.mean !== null && (
              <div>
                <dt>{m.bpMean}</dt>
                <dd data-testid="bp-mean">{format.number(result.mean)}</dd>
              </div>
            )}
            {result.pulse !== null && (
              <div>
                <dt>{m.bpPulse}</dt>
                <dd data-testid="bp-pulse">{format.quantity(result.pulse, '/min')}</dd>
              </div>
            )}
          </dl>
          <footer className="tile-footer">
            <span data-testid="bp-time">
              {formatMeasuredAt(result.timeMs, nowMs, undefined, format.locale)}
            </span>
            {beforeConsultation && (
              <span className="bp-before" data-testid="bp-before">
                {m.bpBeforeConsultation}
              </span>
            )}
          </footer>
        </>
      )}
    </section>
  );
}
