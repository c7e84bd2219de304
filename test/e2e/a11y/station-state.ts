import type { ConsultationStart, Report } from '../../../src/shared/domain/consultation';
import { callHostApi } from '../call-turn';

/**
 * Puts the host in the state a screen needs, through its public API (a second client, as the
 * station page would call it). Each step is idempotent: a test may run on a host fresh from a
 * worker restart or on one an earlier test already prepared.
 */
export const PATIENT_FAMILY_NAME = 'Lefèvre';

export const START_BODY: ConsultationStart = {
  patient: {
    familyName: PATIENT_FAMILY_NAME,
    birthGivenNames: ['Élodie'],
    birthDate: '1958-03-14',
    sex: 'female',
    identityStatus: 'provisional',
  },
  accompanying: { name: 'Inès Morel', role: 'nurse' },
  consent: { teleconsultation: true, deviceData: true, recordedBy: 'Inès Morel' },
  motive: 'Essoufflement depuis trois jours',
};

export const REPORT: Report = {
  author: { name: 'Dr Camille Martin', rpps: '10101010101' },
  reason: 'Essoufflement depuis trois jours',
  findings: 'SpO2 96–98 %, auscultation pulmonaire claire.',
  conclusion: 'Pas de signe de gravité, réévaluation à 48 h.',
  prescriptions: 'Paracétamol 1 g si besoin.',
};

export const KIOSK_PIN = '2468';

interface Summary {
  readonly id: string;
  readonly status: string;
}

export class StationState {
  constructor(private readonly url: string) {}

  call<T>(method: string, params: object = {}): Promise<T> {
    return callHostApi(this.url, method, params) as Promise<T>;
  }

  /** For screens that look the same whether or not a backend half is built yet. */
  async tolerant(step: () => Promise<unknown>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!/"(unavailable|unknown-method)"/.test(String(error))) throw error;
    }
  }

  async activeConsultation(): Promise<Summary> {
    const current = await this.call<Summary | null>('consultation.current');
    return current ?? this.call<Summary>('consultation.start', START_BODY);
  }

  async noActiveConsultation(): Promise<void> {
    const current = await this.call<Summary | null>('consultation.current');
    if (current !== null) await this.call('consultation.end', { id: current.id });
  }

  /** An ended consultation with a chat line, a note and the report, for the records screens. */
  async recordedConsultation(): Promise<void> {
    const current = await this.call<Summary | null>('consultation.current');
    const listed = await this.call<Summary[]>('consultation.list', {});
    if (current === null && listed.some((c) => c.status === 'ended')) return;
    const { id } = current ?? (await this.call<Summary>('consultation.start', START_BODY));
    await this.call('consultation.append', {
      id,
      event: { kind: 'chat', from: 'consultant', text: 'Respirez profondément, s’il vous plaît.' },
    });
    await this.call('consultation.append', {
      id,
      event: { kind: 'note', author: 'Inès Morel', text: 'Patiente calme, assise.' },
    });
    await this.call('consultation.report', { id, report: REPORT });
    await this.call('consultation.end', { id });
  }

  /** Sets the kiosk PIN (settings locked until it is typed). */
  async pinSet(): Promise<void> {
    const status = await this.call<{ pinSet: boolean }>('kiosk.status');
    if (!status.pinSet) await this.call('kiosk.setPin', { currentPin: null, newPin: KIOSK_PIN });
  }

  async pinCleared(): Promise<void> {
    const status = await this.call<{ pinSet: boolean }>('kiosk.status');
    if (status.pinSet) await this.call('kiosk.setPin', { currentPin: KIOSK_PIN, newPin: null });
  }

  async consultantInviteUrl(): Promise<string> {
    const invite = await this.call<{ consultantUrl: string }>('call.invite', {});
    return invite.consultantUrl;
  }
}
