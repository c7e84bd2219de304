import { defineMessages } from '../../shared/i18n';
import type { Screen } from './screens';

export const appMessages = defineMessages({
  en: {
    navLabel: 'Screens',
    screen: (screen: Screen): string =>
      ({
        station: 'Live',
        consultation: 'Consultation',
        records: 'Records',
        check: 'Equipment check',
        settings: 'Settings',
      })[screen],
  },
  fr: {
    navLabel: 'Écrans',
    screen: (screen: Screen): string =>
      ({
        station: 'Direct',
        consultation: 'Consultation',
        records: 'Dossiers',
        check: 'Test du matériel',
        settings: 'Réglages',
      })[screen],
  },
});
