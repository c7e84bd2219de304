import { defineMessages } from '../../../shared/i18n';

/** The record screen's report-only link (issue 12): after the end, for the doctor's report versions. */
export const reportLinkMessages = defineMessages({
  en: {
    title: 'Report link for the doctor',
    explain:
      'The doctor can still add a new version of the report (never anything else) until the amendment window closes. This station page answers the link while it stays open.',
    issue: 'Give the doctor a report link',
    issuing: 'Preparing the link…',
    link: 'Report-only link for the doctor',
    seated: 'This station page is waiting for the doctor’s report.',
    refused: (why: string): string => `No report link: ${why}`,
  },
  fr: {
    title: 'Lien de compte rendu pour le médecin',
    explain:
      'Le médecin peut encore ajouter une nouvelle version du compte rendu (rien d’autre) jusqu’à la fin du délai de modification. Cette page de la station répond au lien tant qu’elle reste ouverte.',
    issue: 'Donner un lien de compte rendu au médecin',
    issuing: 'Préparation du lien…',
    link: 'Lien de compte rendu seulement, pour le médecin',
    seated: 'Cette page de la station attend le compte rendu du médecin.',
    refused: (why) => `Pas de lien de compte rendu : ${why}`,
  },
});
