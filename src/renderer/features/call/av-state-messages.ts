import { defineMessages } from '../../../shared/i18n';

/** The far side's own microphone and camera, said on the other side ("Doctor: microphone off"). */
export type AvSide = 'doctor' | 'station';

export const avStateMessages = defineMessages({
  en: {
    line: (side: AvSide, what: readonly string[]): string =>
      `${side === 'doctor' ? 'Doctor' : 'Patient side'}: ${what.join(', ')}`,
    micMuted: 'microphone off',
    cameraOff: 'camera off',
  },
  fr: {
    // A narrow no-break space before the colon, as French typography wants.
    line: (side, what) => `${side === 'doctor' ? 'Médecin' : 'Côté patient'}\u202f: ${what.join(', ')}`,
    micMuted: 'micro coupé',
    cameraOff: 'caméra coupée',
  },
});
