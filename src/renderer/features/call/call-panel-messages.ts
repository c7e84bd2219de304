import { defineMessages } from '../../../shared/i18n';

/** The words of the station's call panel fold (the panel itself speaks through call-messages.ts). */
export const callPanelMessages = defineMessages({
  en: {
    fold: 'Hide call',
    unfold: 'Show call',
    problems: (count: number): string => ` · ⚠ ${count} ${count === 1 ? 'problem' : 'problems'}`,
  },
  fr: {
    fold: 'Réduire l’appel',
    unfold: 'Afficher l’appel',
    problems: (count) => ` · ⚠ ${count} ${count === 1 ? 'problème' : 'problèmes'}`,
  },
});
