import { defineMessages } from '../../shared/i18n';
import type { ProblemCode } from '../../shared/domain/problem-codes';

type ProblemWords = Readonly<Record<ProblemCode | 'unexpected', string>>;

const en: ProblemWords = {
  'wrong-key':
    'The records cannot be opened with this station’s key (another station’s key, or a replaced key file). Ask your installer.',
  corrupted: 'The records database is damaged. Ask your installer to restore it from a backup.',
  'key-missing':
    'The records database is here but its key is gone: nothing was changed. Ask your installer to restore the key.',
  'database-missing':
    'The records database is missing although its key is here: no new empty one was made. Ask your installer to restore it.',
  'key-file-insecure':
    'The records key can be read by other users of this computer: the records stay closed until your installer fixes its permissions.',
  'disk-full': 'The disk is full: nothing more can be recorded. Free some space on this computer.',
  io: 'The records database cannot be read or written. Ask your installer.',
  closed: 'The records are closed. Restart the station.',
  'records-not-set-up': 'This station keeps no consultation records.',
  'records-failed': 'The records could not be opened. Ask your installer (the station’s log says why).',
  'record-sealed': 'This consultation is over: its record is sealed.',
  'amend-window-closed': 'The time allowed to amend the report after the consultation has passed.',
  'consultation-not-active': 'This consultation is no longer the active one.',
  'care-sheet-date': 'The care sheet must be dated on the day of the consultation.',
  'care-sheet-doctor': 'The care sheet’s doctor must be the report’s author, unless a reason is given.',
  'author-not-verified':
    'The report’s author and the care sheet’s doctor must be the doctor Pro Santé Connect verified.',
  'care-sheet-accompanying-act':
    'The accompanying act must be the one of the professional beside the patient (nurse: TLS, TLL or TLD; pharmacist: TLM; others: none).',
  'limit-reached': 'The limit for this consultation is reached: nothing more was recorded.',
  'consent-required': 'Start a consultation with the patient’s consent before calling.',
  'measurement-not-pending': 'This measurement was already confirmed or dismissed.',
  'report-session-unknown': 'This report link is no longer valid: ask the station for a new one.',
  'consultation-active': 'A consultation is in progress: end it first.',
  'settings-locked': 'The settings are locked: unlock them with the PIN.',
  'wrong-pin': 'Wrong PIN.',
  'pin-required': 'Enter the PIN.',
  'attempt-not-recorded':
    'The attempt could not be recorded (the disk may be full), so no PIN is accepted for now.',
  'bad-request': 'The station refused the request as malformed.',
  'unknown-method': 'This version of the station does not know this request.',
  'not-found': 'Not found: it may have been deleted.',
  forbidden: 'The station refused this.',
  unavailable: 'The station cannot do this right now.',
  timeout: 'The station did not answer in time. Try again.',
  internal: 'The station met an unexpected error. Try again.',
  unexpected: 'Something unexpected happened. Try again.',
};

const fr: ProblemWords = {
  'wrong-key':
    'Les dossiers ne s’ouvrent pas avec la clé de cette station (clé d’une autre station, ou fichier de clé remplacé). Adressez-vous à votre installateur.',
  corrupted:
    'La base des dossiers est endommagée. Demandez à votre installateur de la restaurer depuis une sauvegarde.',
  'key-missing':
    'La base des dossiers est là mais sa clé a disparu : rien n’a été modifié. Demandez à votre installateur de restaurer la clé.',
  'database-missing':
    'La base des dossiers a disparu alors que sa clé est là : aucune base vide n’a été créée. Demandez à votre installateur de la restaurer.',
  'key-file-insecure':
    'La clé des dossiers est lisible par d’autres utilisateurs de cet ordinateur : les dossiers restent fermés tant que votre installateur n’a pas corrigé ses droits.',
  'disk-full':
    'Le disque est plein : plus rien ne peut être enregistré. Libérez de la place sur cet ordinateur.',
  io: 'La base des dossiers ne peut être ni lue ni écrite. Adressez-vous à votre installateur.',
  closed: 'Les dossiers sont fermés. Redémarrez la station.',
  'records-not-set-up': 'Cette station ne conserve pas de dossiers de consultation.',
  'records-failed':
    'Les dossiers n’ont pas pu être ouverts. Adressez-vous à votre installateur (le journal de la station dit pourquoi).',
  'record-sealed': 'Cette consultation est terminée : son dossier est scellé.',
  'amend-window-closed': 'Le délai pour modifier le compte rendu après la consultation est dépassé.',
  'consultation-not-active': 'Cette consultation n’est plus la consultation en cours.',
  'care-sheet-date': 'La feuille de soins doit être datée du jour de la consultation.',
  'care-sheet-doctor':
    'Le médecin de la feuille de soins doit être l’auteur du compte rendu, sauf motif indiqué.',
  'author-not-verified':
    'L’auteur du compte rendu et le médecin de la feuille de soins doivent être le médecin vérifié par Pro Santé Connect.',
  'care-sheet-accompanying-act':
    'L’acte d’accompagnement doit être celui du professionnel auprès du patient (infirmier : TLS, TLL ou TLD ; pharmacien : TLM ; autres : aucun).',
  'limit-reached': 'La limite de cette consultation est atteinte : rien de plus n’a été enregistré.',
  'consent-required': 'Commencez une consultation avec le consentement du patient avant d’appeler.',
  'measurement-not-pending': 'Cette mesure a déjà été confirmée ou écartée.',
  'report-session-unknown':
    'Ce lien de compte rendu n’est plus valable : demandez-en un nouveau à la station.',
  'consultation-active': 'Une consultation est en cours : terminez-la d’abord.',
  'settings-locked': 'Les réglages sont verrouillés : déverrouillez-les avec le code PIN.',
  'wrong-pin': 'Code PIN erroné.',
  'pin-required': 'Saisissez le code PIN.',
  'attempt-not-recorded':
    'La tentative n’a pas pu être enregistrée (le disque est peut-être plein) : aucun code PIN n’est accepté pour l’instant.',
  'bad-request': 'La station a refusé une demande mal formée.',
  'unknown-method': 'Cette version de la station ne connaît pas cette demande.',
  'not-found': 'Introuvable : l’élément a peut-être été supprimé.',
  forbidden: 'La station a refusé.',
  unavailable: 'La station ne peut pas le faire pour le moment.',
  timeout: 'La station n’a pas répondu à temps. Réessayez.',
  internal: 'La station a rencontré une erreur inattendue. Réessayez.',
  unexpected: 'Un problème inattendu est survenu. Réessayez.',
};

/**
 * The words of every code the backend leads an error with (shared/domain/problem-codes.ts): the
 * screens show these, never the backend's own text (which is English, for the log).
 */
export const problemMessages = defineMessages({ en, fr });
