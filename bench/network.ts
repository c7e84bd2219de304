import { createRequire } from 'node:module';
import type { BrowserType } from 'playwright-core';
import { createLabEnv } from '../test/e2e/network/lab/lab-env';
import { runScenario, type ScenarioResult } from '../test/e2e/network/lab/run-scenario';
import { scenarios, type Profile, type Scenario } from '../test/e2e/network/lab/scenarios';
import { checkLines, markdownTable } from '../test/e2e/network/lab/result-table';
import { phaseLines } from '../test/e2e/network/lab/recovery-phases';

/**
 * `npm run bench -- network`: issue 14's table from a fresh run of the network lab (the doctor's
 * Chromium in its own namespace behind a veth pair the lab rate-limits, drops on and cuts; a real
 * coturn; the station's host). The issue's full durations (~15 minutes; `NETLAB_PROFILE=short`
 * for the CI profile; `NETLAB_SCENARIOS=<id,…>` for some only). Needs root, `ip`, `tc`, `nft`, coturn and openssl: it runs only when named.
 */

// Loaded at run time: playwright-core is a development tool, not part of the bundled bench code.
const loadChromium = (): BrowserType =>
  (createRequire(__filename)('playwright-core') as { chromium: BrowserType }).chromium;

/**
 * `NETLAB_SCENARIOS=cut-90,cut-150`: only those scenarios (their ids), one lab run being heavy on
 * a shared machine; every scenario of the profile when unset. An unknown id is refused, named.
 */
export function chosenScenarios(profile: Profile, ids = process.env['NETLAB_SCENARIOS']): Scenario[] {
  const all = scenarios(profile);
  if (ids === undefined || ids.trim() === '') return all;
  const wanted = ids.split(',').map((id) => id.trim());
  const unknown = wanted.filter((id) => !all.some((s) => s.id === id));
  if (unknown.length > 0)
    throw new Error(`NETLAB_SCENARIOS: no scenario ${unknown.join(', ')} in the ${profile} profile`);
  return all.filter((s) => wanted.includes(s.id));
}

export async function benchNetwork(profile: Profile): Promise<ScenarioResult[]> {
  const chosen = chosenScenarios(profile);
  const env = await createLabEnv(loadChromium());
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of chosen) {
      console.log(`  … ${scenario.label}`);
      results.push(await runScenario(env, scenario));
    }
  } finally {
    await env.destroy();
  }
  return results;
}

export function printNetwork(profile: Profile, results: readonly ScenarioResult[]): void {
  console.log(`\nNetwork lab (${profile} profile): the doctor's link impaired, a real call through coturn`);
  console.log(markdownTable(results));
  console.log('\nChecks (issue 14 thresholds):');
  for (const r of results) for (const line of checkLines(r)) console.log(`  ${line}`);
  console.log("\nRecovery steps after the link returned (each page's monotonic clock):");
  for (const r of results)
    if (r.phases !== null && r.scenario.trouble.kind === 'cut')
      for (const line of phaseLines(r.phases)) console.log(`  ${r.scenario.id} ${line}`);
  for (const r of results.filter((x) => x.scenario.trouble.kind === 'turn'))
    console.log(`  path ${r.scenario.id}: ${JSON.stringify(r.path)}`);
}
