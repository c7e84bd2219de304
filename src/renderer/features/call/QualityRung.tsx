import { useMessages } from '../../i18n/use-messages';
import { ladderMessages } from './quality/ladder-messages';
import type { Rung } from './quality/quality-ladder';

/**
 * The rung of the quality ladder the patient's side sends on, the same words on both screens,
 * and, on the doctor's screen, the doctor's own. Tests and the network bench read
 * `data-testid="quality-rung"` `data-rung` (full, reduced, low, audio-only: the station's) and
 * `data-own-rung` (this page's senders).
 */
export function QualityRung({ station, own }: { station: Rung; own: Rung }) {
  const m = useMessages(ladderMessages);
  const worst = station === 'full' ? 'good' : station === 'audio-only' ? 'poor' : 'fair';
  return (
    <div className="quality" data-testid="quality-rung" data-rung={station} data-own-rung={own} role="status">
      <span className={`quality-grade quality-grade--${worst}`}>{m.patientSends(m.rung(station))}</span>
      {own !== station && <span className="quality-figures">{` · ${m.youSend(m.rung(own))}`}</span>}
    </div>
  );
}
