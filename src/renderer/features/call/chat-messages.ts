import { defineMessages } from '../../../shared/i18n';

/** Who wrote a chat line: the two ends of a call. */
export type ChatSide = 'station' | 'doctor';

/** Words of the chat's lines (sender and time); the panel's own words are in `call-messages.ts`. */
export const chatMessages = defineMessages({
  en: {
    sender: (side: ChatSide): string => ({ station: 'Station', doctor: 'Doctor' })[side],
  },
  fr: {
    sender: (side) => ({ station: 'Station', doctor: 'Médecin' })[side],
  },
});
