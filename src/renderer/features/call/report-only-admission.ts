import type { ControlMessage } from './control-messages';
import type { Admission } from './doctor-write-budget';

const SEALED = 'record-sealed';

/**
 * What a report-only room takes from the doctor's page (after the end of the consultation): a
 * report or care-sheet save (the backend's seal then decides), and goodbye. A note, a snapshot or a
 * measurement request is answered with the sealed record's refusal, so the doctor's page says why;
 * chat has no answer message and is dropped, like anything else the doctor's side never sends.
 */
export function admitReportOnly(message: ControlMessage): Admission {
  switch (message.type) {
    case 'report':
    case 'bye':
      return { ok: true };
    case 'note':
      return refuse({
        type: 'report-result',
        id: message.id,
        ok: false,
        code: SEALED,
        message: `${SEALED}: notes are closed with the consultation`,
      });
    case 'snapshot-request':
      return refuse({
        type: 'snapshot-failed',
        id: message.id,
        code: SEALED,
        message: `${SEALED}: the consultation is closed`,
      });
    case 'measure-request':
      return refuse({
        type: 'measure-result',
        id: message.id,
        outcome: 'failed',
        code: SEALED,
        message: `${SEALED}: the consultation is closed`,
      });
    // Chat has no answer message; the rest the doctor's side never sends: dropped, written nowhere.
    case 'chat':
    case 'av-state':
    case 'consultation-ended':
    case 'devices':
    case 'measure-result':
    case 'media':
    case 'patient':
    case 'record-state':
    case 'report-link':
    case 'report-result':
    case 'snapshot-chunk':
    case 'snapshot-failed':
      return refuse(null);
  }
}

function refuse(reply: ControlMessage | null): Admission {
  return { ok: false, reply };
}
