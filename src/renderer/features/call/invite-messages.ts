import { defineMessages } from '../../../shared/i18n';

/** Words of the invite's copy button when the clipboard cannot be written. */
export const inviteMessages = defineMessages({
  en: {
    copyByHand: 'The link is selected: press Ctrl+C to copy it.',
  },
  fr: {
    copyByHand: 'Le lien est sélectionné : appuyez sur Ctrl+C pour le copier.',
  },
});
