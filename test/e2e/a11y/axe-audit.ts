import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG 2.1 A and AA rules (issue 7: "WCAG 2.1 AA … zero serious or critical violations"). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  /** One entry per offending node: its selector and axe's one-line summary of what to fix. */
  readonly nodes: { readonly selector: string; readonly fix: string }[];
}

export interface AxeOutcome {
  /** serious or critical: these fail the screen. */
  readonly blocking: AxeFinding[];
  /** minor or moderate: reported, not failing. */
  readonly other: AxeFinding[];
}

const BLOCKING = new Set(['serious', 'critical']);
const MAX_NODES = 6;

export async function runAxe(page: Page): Promise<AxeOutcome> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const findings: AxeFinding[] = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    nodes: violation.nodes.slice(0, MAX_NODES).map((node) => ({
      selector: node.target.map(String).join(' >>> '),
      fix: firstLine(node.failureSummary ?? ''),
    })),
  }));
  return {
    blocking: findings.filter((f) => BLOCKING.has(f.impact)),
    other: findings.filter((f) => !BLOCKING.has(f.impact)),
  };
}

/** axe's summary starts with "Fix any of the following:" / "Fix all of the following:". */
function firstLine(summary: string): string {
  const lines = summary
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !/^Fix (any|all) of the following:$/.test(line));
  return lines[0] ?? '';
}

export function formatFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map(
      (f) =>
        `  [${f.impact}] ${f.rule}: ${f.help}\n` +
        f.nodes.map((n) => `      ${n.selector} — ${n.fix}`).join('\n'),
    )
    .join('\n');
}
