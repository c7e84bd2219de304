import {
  DEFAULT_DOCTOR_WRITE_LIMITS,
  LIMIT_REACHED,
  type DoctorWriteKind,
  type DoctorWriteLimits,
} from '../../../shared/domain/doctor-writes';
import type { ControlMessage } from './control-messages';

export { DEFAULT_DOCTOR_WRITE_LIMITS, LIMIT_REACHED, type DoctorWriteLimits };

export type Admission = { readonly ok: true } | { readonly ok: false; readonly reply: ControlMessage | null };

/**
 * The station page's guard on the doctor's writes (limits: shared/domain/doctor-writes.ts). These
 * arrive over the peer-to-peer data channel, which the rendezvous never sees, so the station counts
 * them here, before any handler runs; the backend counts them again in the record (a reload of this
 * page starts this count afresh, not the record's). Past a limit the request is refused with
 * `limit-reached` and the limit (chat has no answer message: an extra line is dropped), and
 * nothing is written.
 */
export class DoctorWriteBudget {
  private readonly used: Record<DoctorWriteKind, number> = {
    notes: 0,
    reports: 0,
    snapshotRequests: 0,
    measureRequests: 0,
    chatLines: 0,
  };
  private noteChars = 0;

  constructor(private readonly limits: DoctorWriteLimits = DEFAULT_DOCTOR_WRITE_LIMITS) {}

  /** Counts the message if it is a doctor write within the limits; anything else passes as is. */
  admit(message: ControlMessage): Admission {
    switch (message.type) {
      case 'note': {
        const chars = this.noteChars + message.text.length;
        if (this.used.notes >= this.limits.notes || chars > this.limits.noteChars)
          return refuse(
            saveRefusal(message.id, `notes ${this.limits.notes}, ${this.limits.noteChars} chars`),
          );
        this.used.notes += 1;
        this.noteChars = chars;
        return { ok: true };
      }
      case 'report':
        return this.take('reports')
          ? { ok: true }
          : refuse(saveRefusal(message.id, `reports ${this.limits.reports}`));
      case 'snapshot-request':
        return this.take('snapshotRequests')
          ? { ok: true }
          : refuse({
              type: 'snapshot-failed',
              id: message.id,
              code: LIMIT_REACHED,
              message: `${LIMIT_REACHED}: snapshot-requests ${this.limits.snapshotRequests}`,
            });
      case 'measure-request':
        return this.take('measureRequests')
          ? { ok: true }
          : refuse({
              type: 'measure-result',
              id: message.id,
              outcome: 'failed',
              code: LIMIT_REACHED,
              message: `${LIMIT_REACHED}: measure-requests ${this.limits.measureRequests}`,
            });
      case 'chat':
        return this.take('chatLines') ? { ok: true } : refuse(null);
      // Answers and announcements write nothing on the station: each new type must choose here.
      case 'bye':
      case 'av-state':
      case 'consultation-ended':
      case 'report-link':
      case 'devices':
      case 'media':
      case 'patient':
      case 'measure-result':
      case 'report-result':
      case 'record-state':
      case 'snapshot-chunk':
      case 'snapshot-failed':
        return { ok: true };
    }
  }

  private take(kind: DoctorWriteKind): boolean {
    if (this.used[kind] >= this.limits[kind]) return false;
    this.used[kind] += 1;
    return true;
  }
}

function saveRefusal(id: string, limit: string): ControlMessage {
  return { type: 'report-result', id, ok: false, code: LIMIT_REACHED, message: `${LIMIT_REACHED}: ${limit}` };
}

function refuse(reply: ControlMessage | null): Admission {
  return { ok: false, reply };
}

/** The last consultations' budgets: a second call in the same consultation continues the count. */
const budgets = new Map<string, DoctorWriteBudget>();
const KEPT_CONSULTATIONS = 8;

export function doctorWriteBudgetFor(consultationId: string): DoctorWriteBudget {
  let budget = budgets.get(consultationId);
  if (budget === undefined) {
    budget = new DoctorWriteBudget();
    budgets.set(consultationId, budget);
    for (const oldest of budgets.keys()) {
      if (budgets.size <= KEPT_CONSULTATIONS) break;
      budgets.delete(oldest);
    }
  }
  return budget;
}
