import { defineMessages } from '../../../shared/i18n';

/** Who wrote a chat line: the two ends of a call. */
export type ChatSide = 'station' | 'doctor';

/**
 * Words of the chat's lines (sender and time); the panel's own words are in `call-messages.ts`.
 * The sides are named as the rest of the call names them: one's own lines "You", the station's
 * side "Patient" (the doctor's page calls its video so), the doctor's side "Doctor".
 */
export const chatMessages = defineMessages({
  en: {
    sender: (side: ChatSide, mine: boolean): string =>
      mine ? 'You' : { station: 'Patient', doctor: 'Doctor' }[side],
  },
  fr: {
    sender: (side, mine) => (mine ? 'Vous' : { station: 'Patient', doctor: 'Médecin' }[side]),
  },
});
