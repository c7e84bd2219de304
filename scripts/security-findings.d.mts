export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  description: string;
}
export interface AcceptedLow {
  id: string;
  description: RegExp;
  reason: string;
}
export declare const ACCEPTED_LOW: AcceptedLow[];
export declare function evaluateCsp(policy: string, file: string): Finding[];
export declare function withRealCsp(findings: Finding[], cspFindings: Finding[]): Finding[];
export declare function classify(
  findings: Finding[],
  acceptedLow?: AcceptedLow[],
): { failing: Finding[]; accepted: Finding[]; informational: Finding[] };
