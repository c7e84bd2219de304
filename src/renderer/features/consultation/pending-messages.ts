import { defineMessages } from '../../../shared/i18n';

/**
 * Words of the measurements from before the consultation (a cuff's stored result): shown apart on
 * the live screen until the nurse confirms one for this patient or dismisses it. Dates, times and
 * values come already formatted in the screen's language.
 */
export const pendingMessages = defineMessages({
  en: {
    title: 'Measurements from before this consultation',
    explain:
      'These were stored in a device before this consultation started: they may be another patient’s. ' +
      'They are not in the record unless you confirm them for this patient.',
    /** `moment` is a localised date and time: "22 Nov 2026, 08:39". */
    measuredBefore: (moment: string): string => `measured before this consultation, ${moment}`,
    confirm: 'Confirm for this patient',
    dismiss: 'Dismiss',
    /** `what` names the device and the values, for the buttons' accessible names. */
    confirmLabel: (what: string): string => `Confirm for this patient: ${what}`,
    dismissLabel: (what: string): string => `Dismiss: ${what}`,
    working: 'Saving…',
    gone: 'This measurement was already confirmed or dismissed, or the consultation ended.',
    failed: (detail: string): string => `Not saved: ${detail}`,
  },
  fr: {
    title: 'Mesures antérieures à cette consultation',
    explain:
      'Elles étaient enregistrées dans un appareil avant le début de cette consultation : elles peuvent ' +
      'appartenir à un autre patient. Elles n’entrent au dossier que si vous les confirmez pour ce patient.',
    measuredBefore: (moment) => `mesurée avant cette consultation, ${moment}`,
    confirm: 'Confirmer pour ce patient',
    dismiss: 'Écarter',
    confirmLabel: (what) => `Confirmer pour ce patient : ${what}`,
    dismissLabel: (what) => `Écarter : ${what}`,
    working: 'Enregistrement…',
    gone: 'Cette mesure a déjà été confirmée ou écartée, ou la consultation est terminée.',
    failed: (detail) => `Non enregistré : ${detail}`,
  },
});
