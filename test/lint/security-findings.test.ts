import { classify, evaluateCsp, withRealCsp, type Finding } from '../../scripts/security-findings.mjs';
import { contentSecurityPolicy } from '../../src/main/content-security-policy';

// What `npm run audit:electron` fails on, in the shape scripts/electronegativity-scan.mjs prints.
const REPORT: Finding[] = [
  finding('CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A', 'No CSP has been detected in the target application'),
  finding('SANDBOX_JS_CHECK', 'MEDIUM', 'main/window.ts', 'Use sandbox for untrusted origins'),
  finding('OPEN_EXTERNAL_JS_CHECK', 'LOW', 'main/a.ts', 'Review the use of openExternal'),
  finding('AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK', 'INFORMATIONAL', 'package.json', 'Security fixes'),
];

function finding(id: string, severity: string, file: string, description: string): Finding {
  return { id, severity, confidence: 'CERTAIN', file, location: '0:0', description };
}

describe('electronegativity report handling', () => {
  it('fails on high and medium findings and on low ones nobody reviewed', () => {
    const { failing, informational } = classify(REPORT);
    expect(failing.map((f) => f.id)).toEqual([
      'CSP_GLOBAL_CHECK',
      'SANDBOX_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
    ]);
    expect(informational).toHaveLength(1);
  });

  it("replaces 'no CSP detected' by the findings on the shell's real policy: only the accepted low", () => {
    const real = evaluateCsp(contentSecurityPolicy(['wss://rendezvous.example.org']), 'main/csp');
    const { failing, accepted } = classify(withRealCsp(REPORT.slice(0, 1), real));
    expect(failing).toEqual([]);
    expect(accepted.map((f) => f.location)).toEqual(['script-src']);
  });

  it('would fail a weakened policy', () => {
    const weak = evaluateCsp("default-src 'none'; script-src 'self' 'unsafe-inline' 'unsafe-eval'", 'x');
    expect(classify(weak).failing.some((f) => f.severity === 'MEDIUM')).toBe(true);
    expect(classify(evaluateCsp('script-src *', 'x')).failing.length).toBeGreaterThan(0);
  });
});
