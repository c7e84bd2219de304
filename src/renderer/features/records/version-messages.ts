import type { RecordVersionKind } from '../../../shared/domain/consultation';
import { defineMessages } from '../../../shared/i18n';

/** The record's version history: every report and care-sheet save, newest first. */
const EN_KINDS: Readonly<Record<RecordVersionKind, string>> = {
  report: 'Report',
  'care-sheet': 'Care sheet',
};
const FR_KINDS: typeof EN_KINDS = { report: 'Compte rendu', 'care-sheet': 'Feuille de soins' };

/**
 * Who saved a version, as the record stores it (an audit actor): the operator's name as typed, or
 * a code the screen words — `consultant:<invite id>` (the doctor's call link), `station`, `system`,
 * or `before versions, signed <name>` (a save older than the version history, schema 3).
 */
type Saver =
  | { readonly kind: 'doctor-link' }
  | { readonly kind: 'station' }
  | { readonly kind: 'system' }
  | { readonly kind: 'before-versions'; readonly name: string }
  | { readonly kind: 'named'; readonly name: string };
const BEFORE_VERSIONS = 'before versions, signed ';
function saverOf(savedBy: string): Saver {
  if (savedBy.startsWith('consultant:')) return { kind: 'doctor-link' };
  if (savedBy === 'station') return { kind: 'station' };
  if (savedBy === 'system') return { kind: 'system' };
  if (savedBy.startsWith(BEFORE_VERSIONS))
    return { kind: 'before-versions', name: savedBy.slice(BEFORE_VERSIONS.length) };
  return { kind: 'named', name: savedBy };
}
const saverEn = (by: string): string => {
  const saver = saverOf(by);
  if (saver.kind === 'doctor-link') return 'by the doctor, through the call link';
  if (saver.kind === 'station') return 'by the station';
  if (saver.kind === 'system') return 'by the station, automatically';
  if (saver.kind === 'before-versions') return `before the version history, signed ${saver.name}`;
  return `by ${saver.name}`;
};
const saverFr = (by: string): string => {
  const saver = saverOf(by);
  if (saver.kind === 'doctor-link') return 'par le médecin, via le lien de l’appel';
  if (saver.kind === 'station') return 'par la station';
  if (saver.kind === 'system') return 'automatiquement par la station';
  if (saver.kind === 'before-versions') return `avant l’historique des versions, signée ${saver.name}`;
  return `par ${saver.name}`;
};

export const versionMessages = defineMessages({
  en: {
    historyTitle: 'Version history',
    versionLine: (kind: RecordVersionKind, version: number, when: string, by: string): string =>
      `${EN_KINDS[kind]}, version ${version} — saved ${when} ${saverEn(by)}`,
    latest: '(shown above)',
    amended: (version: number, when: string): string => `Version ${version}, amended on ${when}`,
  },
  fr: {
    historyTitle: 'Historique des versions',
    versionLine: (kind, version, when, by) =>
      `${FR_KINDS[kind]}, version ${version} — enregistrée le ${when} ${saverFr(by)}`,
    latest: '(affichée ci-dessus)',
    amended: (version, when) => `Version ${version}, modifiée le ${when}`,
  },
});
