import type { ControlRefusalCode } from '../features/call/control-messages';
import type { SendKind, SendState } from './consultant-record';

/**
 * Where each of the doctor's writes stands, in words: sending, saved by the station (with the
 * version it saved), refused with the station's reason, or not sent at all. "Saved" is only ever
 * said on the station's confirmation.
 */
export const EN_SENT: Readonly<Record<SendKind, string>> = {
  report: 'Report',
  careSheet: 'Care sheet',
  note: 'Note',
};
export const FR_SENT: typeof EN_SENT = {
  report: 'Compte rendu',
  careSheet: 'Feuille de soins',
  note: 'Note',
};

export const EN_REFUSALS: Readonly<Record<ControlRefusalCode, string>> = {
  'limit-reached': 'the station’s limit for this consultation is reached.',
  'record-sealed':
    'the station has ended this consultation and its record is sealed: only a new version of the report can still be added.',
  'amend-window-closed': 'the time allowed to amend the report after the end of the consultation has passed.',
  'consultation-not-active': 'this consultation is no longer the station’s current one.',
  'care-sheet-date': 'the act must be dated on the day of the consultation.',
  'care-sheet-doctor': 'the care sheet’s doctor must be the report’s author.',
  'author-not-verified': 'the author must be the doctor Pro Santé Connect verified.',
  'care-sheet-accompanying-act':
    'the accompanying act must be the one of the professional beside the patient (nurse: TLS, TLL or TLD; pharmacist: TLM; others: none).',
  'report-session-unknown': 'the station no longer knows this report link: ask the station for a new one.',
};
export const FR_REFUSALS: typeof EN_REFUSALS = {
  'limit-reached': 'la limite de la station pour cette consultation est atteinte.',
  'record-sealed':
    'la station a clos cette consultation et son dossier est scellé : seule une nouvelle version du compte rendu peut encore être ajoutée.',
  'amend-window-closed':
    'le délai pour modifier le compte rendu après la fin de la consultation est dépassé.',
  'consultation-not-active': 'cette consultation n’est plus celle en cours sur la station.',
  'care-sheet-date': 'l’acte doit être daté du jour de la consultation.',
  'care-sheet-doctor': 'le médecin de la feuille de soins doit être l’auteur du compte rendu.',
  'author-not-verified': 'l’auteur doit être le médecin vérifié par Pro Santé Connect.',
  'care-sheet-accompanying-act':
    'l’acte d’accompagnement doit être celui du professionnel auprès du patient (infirmier : TLS, TLL ou TLD ; pharmacien : TLM ; autres : aucun).',
  'report-session-unknown':
    'la station ne connaît plus ce lien de compte rendu : demandez-lui un nouveau lien.',
};

export function sendText(
  names: typeof EN_SENT,
  refusals: typeof EN_REFUSALS,
  words: {
    sending: string;
    saved: string;
    savedVersion: (version: number) => string;
    failed: string;
    offline: string;
    unconfirmed: string;
  },
): (kind: SendKind, state: SendState) => string {
  return (kind, state) => {
    const name = names[kind];
    switch (state.state) {
      case 'sending':
        return `${name} — ${words.sending}`;
      case 'saved':
        return `${name} — ${state.version === undefined ? words.saved : words.savedVersion(state.version)}`;
      case 'failed':
        return `${name} — ${words.failed}${state.code === undefined ? state.message : refusals[state.code]}`;
      case 'not-connected':
        return `${name} — ${words.offline}`;
      case 'unconfirmed':
        return `${name} — ${words.unconfirmed}`;
    }
  };
}
