import type { PscRefusalCode } from '../../shared/domain/consultant-identity';
import { defineMessages } from '../../shared/i18n';

/** The doctor's Pro Santé Connect sign-in (PscGate) and the verified author on the record forms. */
const EN_REFUSALS: Readonly<Record<PscRefusalCode, string>> = {
  'psc-cancelled': 'Sign-in was cancelled. Sign in to join the consultation.',
  'psc-wrong-acr':
    'Pro Santé Connect did not confirm a CPS card or e-CPS sign-in (level eidas1). Sign in again with your CPS card or the e-CPS app.',
  'psc-expired': 'The sign-in took too long or has expired. Sign in again.',
  'psc-wrong-issuer': 'The sign-in came from another identity provider than the one this station trusts.',
  'psc-wrong-audience': 'The sign-in was not meant for this station. Sign in again.',
  'psc-state-unknown': 'This sign-in is no longer valid (already used or too old). Sign in again.',
  'psc-no-rpps': 'Pro Santé Connect gave no RPPS number or name for this account.',
  'psc-unavailable': 'Pro Santé Connect cannot be reached right now. Try again in a moment.',
  'psc-busy': 'Too many sign-ins are under way. Try again in a moment.',
  'psc-bad-invite': 'This link is not valid or has expired. Ask the station for a new link.',
  'psc-refused': 'Pro Santé Connect refused the sign-in. Sign in again.',
};
const FR_REFUSALS: typeof EN_REFUSALS = {
  'psc-cancelled': 'La connexion a été annulée. Connectez-vous pour rejoindre la consultation.',
  'psc-wrong-acr':
    'Pro Santé Connect n’a pas confirmé une connexion par carte CPS ou e-CPS (niveau eidas1). Reconnectez-vous avec votre carte CPS ou l’application e-CPS.',
  'psc-expired': 'La connexion a pris trop de temps ou a expiré. Reconnectez-vous.',
  'psc-wrong-issuer':
    'La connexion vient d’un autre fournisseur d’identité que celui auquel cette station fait confiance.',
  'psc-wrong-audience': 'La connexion n’était pas destinée à cette station. Reconnectez-vous.',
  'psc-state-unknown':
    'Cette connexion n’est plus valable (déjà utilisée ou trop ancienne). Reconnectez-vous.',
  'psc-no-rpps': 'Pro Santé Connect n’a donné ni numéro RPPS ni nom pour ce compte.',
  'psc-unavailable': 'Pro Santé Connect est injoignable pour le moment. Réessayez dans un instant.',
  'psc-busy': 'Trop de connexions sont en cours. Réessayez dans un instant.',
  'psc-bad-invite': 'Ce lien n’est pas valide ou a expiré. Demandez un nouveau lien à la station.',
  'psc-refused': 'Pro Santé Connect a refusé la connexion. Reconnectez-vous.',
};

export const pscMessages = defineMessages({
  en: {
    title: 'Sign in to join the teleconsultation',
    why: 'This station asks doctors to sign in with Pro Santé Connect (CPS card or e-CPS app) before joining. Your RPPS number and name then sign the report and the care sheet.',
    signIn: 'Sign in with Pro Santé Connect',
    checking: 'Checking the link…',
    redirecting: 'Opening Pro Santé Connect…',
    refusal: (code: PscRefusalCode): string => EN_REFUSALS[code],
    verified: (name: string, rpps: string): string =>
      `Identity verified by Pro Santé Connect: ${name}, RPPS ${rpps}.`,
  },
  fr: {
    title: 'Connectez-vous pour rejoindre la téléconsultation',
    why: 'Cette station demande aux médecins de se connecter avec Pro Santé Connect (carte CPS ou application e-CPS) avant de rejoindre. Votre numéro RPPS et votre nom signent alors le compte rendu et la feuille de soins.',
    signIn: 'Se connecter avec Pro Santé Connect',
    checking: 'Vérification du lien…',
    redirecting: 'Ouverture de Pro Santé Connect…',
    refusal: (code) => FR_REFUSALS[code],
    verified: (name, rpps) => `Identité vérifiée par Pro Santé Connect : ${name}, RPPS ${rpps}.`,
  },
});
