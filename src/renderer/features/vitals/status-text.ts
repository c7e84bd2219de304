import type { Locale } from '../../../shared/i18n';
import type { StatusFlag } from '../../../shared/domain/readings';

/**
 * Status flags in words for the device group ("Probe off", "Capteur débranché"). Every flag of the
 * contract has its words in both languages: the compiler refuses a flag added without them.
 */
const TEXT: Readonly<Record<Locale, Readonly<Record<StatusFlag, string>>>> = {
  en: {
    'probe-off': 'Probe off',
    'probe-error': 'Probe error',
    searching: 'Searching',
    'searching-too-long': 'Searching too long',
    'low-spo2': 'Low SpO2',
    'pulse-beep': 'Pulse beep',
    'low-perfusion': 'Low perfusion',
    artifact: 'Artifact',
    'lead-off': 'Lead off',
    'low-battery': 'Low battery',
    alarm: 'Alarm',
    'out-of-track': 'Out of track',
    'marginal-perfusion': 'Marginal perfusion',
    'sensor-disconnected': 'Sensor disconnected',
    'low-signal-quality': 'Low signal quality',
    'pulse-lost': 'Pulse lost',
    'body-movement': 'Body movement',
    'cuff-loose': 'Cuff too loose',
    'irregular-pulse': 'Irregular pulse',
    'pulse-out-of-range': 'Pulse rate out of range',
    'improper-position': 'Improper measurement position',
    measuring: 'Measuring…',
    'device-malfunction': 'Device malfunction',
    questionable: 'Measurement questionable',
    'test-data': 'Test data, not from the patient',
  },
  fr: {
    'probe-off': 'Capteur débranché',
    'probe-error': 'Erreur du capteur',
    searching: 'Recherche du pouls',
    'searching-too-long': 'Recherche trop longue',
    'low-spo2': 'SpO2 basse',
    'pulse-beep': 'Bip de pouls',
    'low-perfusion': 'Perfusion faible',
    artifact: 'Artéfact',
    'lead-off': 'Électrode débranchée',
    'low-battery': 'Batterie faible',
    alarm: 'Alarme',
    'out-of-track': 'Signal perdu',
    'marginal-perfusion': 'Perfusion limite',
    'sensor-disconnected': 'Capteur déconnecté',
    'low-signal-quality': 'Qualité du signal faible',
    'pulse-lost': 'Pouls perdu',
    'body-movement': 'Mouvement du patient',
    'cuff-loose': 'Brassard trop lâche',
    'irregular-pulse': 'Pouls irrégulier',
    'pulse-out-of-range': 'Fréquence du pouls hors limites',
    'improper-position': 'Mauvaise position de mesure',
    measuring: 'Mesure en cours…',
    'device-malfunction': 'Dysfonctionnement de l’appareil',
    questionable: 'Mesure douteuse',
    'test-data': 'Données de test, pas du patient',
  },
};

/** Flags that mark normal operation (a beep per beat), not something anyone needs to read. */
const SILENT: ReadonlySet<StatusFlag> = new Set<StatusFlag>(['pulse-beep']);

export function statusFlagText(flag: StatusFlag, locale: Locale = 'en'): string {
  return TEXT[locale][flag];
}

export function visibleFlags(flags: readonly StatusFlag[]): StatusFlag[] {
  return flags.filter((flag) => !SILENT.has(flag));
}
