/**
 * Pure helpers of scripts/security-electronegativity.mjs (unit-tested in
 * test/lint/security-findings.test.ts): evaluate our real CSPs, and decide which electronegativity
 * findings fail the build.
 */
import cspEvaluator from '@doyensec/csp-evaluator';

/**
 * Low findings reviewed and accepted, each with its reason (mirrored in SECURITY.md, "Accepted
 * risks"). Any other low finding fails the check until it is reviewed and listed here.
 */
export const ACCEPTED_LOW = [
  {
    id: 'CSP_GLOBAL_CHECK',
    description: /^'self' can be problematic if you host JSONP, Angular or user uploaded files\.$/,
    reason:
      "script-src 'self': app://station and the Node host serve only our own Vite bundle: no JSONP " +
      'endpoint, no Angular, no user uploads on that origin.',
  },
];

const isAccepted = (finding, acceptedLow) =>
  acceptedLow.some((entry) => entry.id === finding.id && entry.description.test(finding.description));

/**
 * Electronegativity looks for a CSP only in HTML `<meta>` tags and in literal
 * `responseHeaders` objects. Ours is built by a function and sent by the app:// protocol handler
 * (src/main/content-security-policy.ts), so it reports "no CSP" — a finding about its reach, not
 * about our policy. Those policies are therefore put through the evaluator electronegativity
 * itself uses, with the same thresholds: a high or medium weakness is medium here (fails), a
 * possible one is low (must be accepted).
 */
export function evaluateCsp(policy, file) {
  const parser = new cspEvaluator.CspParser(policy);
  const findings = new cspEvaluator.CspEvaluator(parser.csp, cspEvaluator.Version.CSP3).evaluate();
  const { severities } = cspEvaluator;
  return findings
    .filter(
      (f) =>
        f.severity !== severities.INFO &&
        f.severity !== severities.NONE &&
        f.severity !== severities.STRICT_CSP,
    )
    .map((f) => ({
      id: 'CSP_GLOBAL_CHECK',
      severity:
        f.severity === severities.HIGH || f.severity === severities.MEDIUM || f.severity === severities.SYNTAX
          ? 'MEDIUM'
          : 'LOW',
      confidence: 'CERTAIN',
      file,
      location: f.directive,
      description: f.description,
    }));
}

const NO_CSP_DETECTED = /no csp has been detected/i;

/** Replaces the "no CSP detected" false positive by the findings on our real policies. */
export function withRealCsp(findings, cspFindings) {
  return [
    ...findings.filter((f) => !(f.id === 'CSP_GLOBAL_CHECK' && NO_CSP_DETECTED.test(f.description))),
    ...cspFindings,
  ];
}

/** `failing`: high, medium, and low not in ACCEPTED_LOW; `accepted`: reviewed low ones. */
export function classify(findings, acceptedLow = ACCEPTED_LOW) {
  const failing = [];
  const accepted = [];
  const informational = [];
  for (const finding of findings) {
    if (finding.severity === 'HIGH' || finding.severity === 'MEDIUM') failing.push(finding);
    else if (finding.severity === 'LOW')
      (isAccepted(finding, acceptedLow) ? accepted : failing).push(finding);
    else informational.push(finding);
  }
  return { failing, accepted, informational };
}
