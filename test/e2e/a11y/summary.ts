import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeFinding } from './axe-audit';
import type { ScreenAudit } from './audit-screen';

/**
 * `screens/summary.md`: every capture's findings grouped by screen, each problem once with the
 * variants it shows in, so fixes can be dispatched per screen. Rebuilt from the `.json` files after
 * each worker, so a run interrupted by worker restarts still ends with a complete summary.
 */
export function writeSummary(outputDir: string): string | null {
  const dir = join(outputDir, 'screens');
  if (!existsSync(dir)) return null;
  const audits = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as ScreenAudit);
  const byScreen = new Map<string, ScreenAudit[]>();
  for (const audit of audits) byScreen.set(audit.screen, [...(byScreen.get(audit.screen) ?? []), audit]);

  const lines = ['# Screen matrix: accessibility and layout findings', ''];
  for (const [screen, list] of byScreen) {
    lines.push(`## ${screen} (${list.map((a) => a.variant).join(', ')})`);
    const problems = new Map<string, string[]>();
    const note = (problem: string, variant: string): void => {
      problems.set(problem, [...(problems.get(problem) ?? []), variant]);
    };
    for (const audit of list) {
      if (audit.notReady !== null) note(`NOT READY: ${audit.notReady}`, audit.variant);
      const lang = audit.variant.split('-')[1];
      if (audit.htmlLang !== lang) note(`<html lang> is "${audit.htmlLang}"`, audit.variant);
      if (audit.overflow.overflowPx > 0)
        note(
          `horizontal overflow ${audit.overflow.overflowPx} px: ${audit.overflow.culprits.join('; ')}`,
          audit.variant,
        );
      for (const target of audit.smallTargets ?? []) note(`touch target < 48 px: ${target}`, audit.variant);
      for (const finding of audit.axe.blocking) noteFinding(finding, audit.variant, note);
      for (const finding of audit.axe.other) noteFinding(finding, audit.variant, note);
    }
    if (problems.size === 0) lines.push('- no findings');
    for (const [problem, variants] of problems) lines.push(`- ${problem} — in ${variants.join(', ')}`);
    lines.push('');
  }
  const file = join(dir, 'summary.md');
  writeFileSync(file, lines.join('\n'));
  return file;
}

function noteFinding(finding: AxeFinding, variant: string, note: (problem: string, variant: string) => void) {
  for (const node of finding.nodes)
    note(`axe ${finding.impact} ${finding.rule}: ${node.selector} — ${node.fix}`, variant);
}
