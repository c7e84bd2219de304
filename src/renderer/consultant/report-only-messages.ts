import { defineMessages } from '../../shared/i18n';
import type { ReportOnlyPhase } from './report-only-connection';

/** The doctor's page after the end of the consultation (report-only), and its `#report=` page. */
const EN_PHASES: Readonly<Record<ReportOnlyPhase, string>> = {
  idle: 'Your report is sent to the station when you click “Send to the station”.',
  connecting: 'Connecting to the station…',
  connected: 'Connected to the station (report only).',
  closed: 'The link to the station is closed: ask the station for a new report link.',
};
const FR_PHASES: typeof EN_PHASES = {
  idle: 'Votre compte rendu part vers la station quand vous cliquez sur « Envoyer à la station ».',
  connecting: 'Connexion à la station…',
  connected: 'Connecté à la station (compte rendu seulement).',
  closed: 'Le lien avec la station est fermé : demandez un nouveau lien de compte rendu à la station.',
};

export const reportOnlyMessages = defineMessages({
  en: {
    title: 'Teleconsultation report',
    noLink: 'This link has no report invitation in it. Ask the station for a new report link.',
    afterEnd:
      'The station closed the consultation. You may still send a new version of the report within the station’s amendment window (24 h unless the station set otherwise); chat, notes and the care sheet are closed.',
    sendToStation: 'Send to the station',
    until: (when: string): string => `The station takes a new version of the report until ${when}.`,
    phase: (phase: ReportOnlyPhase): string => EN_PHASES[phase],
    chatClosed: 'Chat is closed: the station closed the consultation.',
  },
  fr: {
    title: 'Compte rendu de téléconsultation',
    noLink: 'Ce lien ne contient pas d’invitation de compte rendu. Demandez un nouveau lien à la station.',
    afterEnd:
      'La station a clos la consultation. Vous pouvez encore envoyer une nouvelle version du compte rendu pendant le délai de modification de la station (24 h sauf réglage contraire) ; la messagerie, les notes et la feuille de soins sont fermées.',
    sendToStation: 'Envoyer à la station',
    until: (when) => `La station accepte une nouvelle version du compte rendu jusqu’au ${when}.`,
    phase: (phase) => FR_PHASES[phase],
    chatClosed: 'La messagerie est fermée : la station a clos la consultation.',
  },
});
