import {
  classify,
  evaluateCsp,
  parseCsv,
  parseFindings,
  withRealCsp,
} from '../../scripts/security-findings.mjs';
import { contentSecurityPolicy } from '../../src/main/content-security-policy';

// What `npm run audit:electron` fails on. The CSV is electronegativity 1.10's own format.
const REPORT = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP has been detected in the target application",https://x',
  'SANDBOX_JS_CHECK,"MEDIUM","FIRM","main/window.ts","30:17","const window = new BrowserWindow(","Use sandbox for untrusted origins",https://x',
  'OPEN_EXTERNAL_JS_CHECK,"LOW","TENTATIVE","main/a.ts","3:1","shell.openExternal(u, { a: ""b"" })","Review the use of openExternal",https://x',
  'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK,"INFORMATIONAL","CERTAIN","package.json","0:0",N/A,"Security fixes",https://x',
].join('\n');

describe('electronegativity report handling', () => {
  it('parses quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('a,"b,c","d ""e"""\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
    const findings = parseFindings(REPORT);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['CSP_GLOBAL_CHECK', 'MEDIUM'],
      ['SANDBOX_JS_CHECK', 'MEDIUM'],
      ['OPEN_EXTERNAL_JS_CHECK', 'LOW'],
      ['AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK', 'INFORMATIONAL'],
    ]);
  });

  it('fails on high and medium findings and on low ones nobody reviewed', () => {
    const { failing, informational } = classify(parseFindings(REPORT));
    expect(failing.map((f) => f.id)).toEqual([
      'CSP_GLOBAL_CHECK',
      'SANDBOX_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
    ]);
    expect(informational).toHaveLength(1);
  });

  it("replaces 'no CSP detected' by the findings on the shell's real policy: only the accepted low", () => {
    const real = evaluateCsp(contentSecurityPolicy(['wss://rendezvous.example.org']), 'main/csp');
    const { failing, accepted } = classify(withRealCsp(parseFindings(REPORT).slice(0, 1), real));
    expect(failing).toEqual([]);
    expect(accepted.map((f) => f.location)).toEqual(['script-src']);
  });

  it('would fail a weakened policy', () => {
    const weak = evaluateCsp("default-src 'none'; script-src 'self' 'unsafe-inline' 'unsafe-eval'", 'x');
    expect(classify(weak).failing.some((f) => f.severity === 'MEDIUM')).toBe(true);
    expect(classify(evaluateCsp('script-src *', 'x')).failing.length).toBeGreaterThan(0);
  });
});
