import type { RecordVersionKind } from '../../../shared/domain/consultation';
import { defineMessages } from '../../../shared/i18n';

/** The record's version history: every report and care-sheet save, newest first. */
const EN_KINDS: Readonly<Record<RecordVersionKind, string>> = {
  report: 'Report',
  'care-sheet': 'Care sheet',
};
const FR_KINDS: typeof EN_KINDS = { report: 'Compte rendu', 'care-sheet': 'Feuille de soins' };

export const versionMessages = defineMessages({
  en: {
    historyTitle: 'Version history',
    versionLine: (kind: RecordVersionKind, version: number, when: string, by: string): string =>
      `${EN_KINDS[kind]}, version ${version} — saved ${when} by ${by}`,
    latest: '(shown above)',
    amended: (version: number, when: string): string => `Version ${version}, amended on ${when}`,
  },
  fr: {
    historyTitle: 'Historique des versions',
    versionLine: (kind, version, when, by) =>
      `${FR_KINDS[kind]}, version ${version} — enregistrée le ${when} par ${by}`,
    latest: '(affichée ci-dessus)',
    amended: (version, when) => `Version ${version}, modifiée le ${when}`,
  },
});
