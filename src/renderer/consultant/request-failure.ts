import type { ControlRefusalCode, StationFailureCode } from '../features/call/control-messages';
import { defineMessages } from '../../shared/i18n';
import { EN_REFUSALS, FR_REFUSALS } from './send-state-text';

/** Why the station did not take a snapshot or start a measurement, as its codes say it. */
export interface RequestFailure {
  readonly code?: ControlRefusalCode | undefined;
  readonly failure?: StationFailureCode | undefined;
}

const EN_FAILURES: Readonly<Record<StationFailureCode, string>> = {
  'no-camera': 'the station has no camera on.',
  'capture-failed': 'the station’s camera gave no picture.',
  'transfer-dropped': 'the call dropped during the transfer.',
  'request-refused': 'the station refused the request (its log says why).',
};
const FR_FAILURES: typeof EN_FAILURES = {
  'no-camera': 'aucune caméra n’est allumée sur la station.',
  'capture-failed': 'la caméra de la station n’a donné aucune image.',
  'transfer-dropped': 'l’appel a été coupé pendant le transfert.',
  'request-refused': 'la station a refusé la demande (son journal dit pourquoi).',
};

/**
 * The station's reason in the doctor's language: a refusal code, else a failure code; an older
 * station's bare message is never shown as it is (it is English, for the station's log).
 */
export const requestFailureMessages = defineMessages({
  en: {
    reason: (why: RequestFailure): string =>
      why.code !== undefined ? EN_REFUSALS[why.code] : EN_FAILURES[why.failure ?? 'request-refused'],
  },
  fr: {
    reason: (why) =>
      why.code !== undefined ? FR_REFUSALS[why.code] : FR_FAILURES[why.failure ?? 'request-refused'],
  },
});
