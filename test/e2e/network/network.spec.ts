import { chromium, expect, test } from '@playwright/test';
import { createLabEnv, type LabEnv } from './lab/lab-env';
import { runScenario } from './lab/run-scenario';
import { profileFromEnv, scenarios } from './lab/scenarios';
import { checkLines, markdownTable } from './lab/result-table';
import { phaseLines } from './lab/recovery-phases';
import { checksFor } from './lab/thresholds';
import { KNOWN_GAPS } from './known-gaps';

/**
 * Issue 14, measured: a real call between two Chromiums through a real coturn, the doctor's page
 * in its own network namespace whose only link is a veth pair the test rate-limits (tc), drops
 * packets on and cuts (nft). Needs root, `ip`, `tc`, `nft`, coturn and openssl (CI runs as root).
 * The short profile runs by default; `NETLAB_PROFILE=full` runs the full durations.
 * A check listed in KNOWN_GAPS is measured and printed but not asserted (a known gap, named in
 * the note; take it off the list once it holds on every run). The list is empty.
 */
let env: LabEnv;

// Namespaces, veth and nft need root: CI runs as root and must never skip; a developer's
// unprivileged run skips with the reason.
test.skip(
  process.getuid?.() !== 0 && !process.env['CI'],
  'the network lab needs root (ip netns, tc, nft): run as root, as CI does',
);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  env = await createLabEnv(chromium);
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await env?.destroy();
});

for (const scenario of scenarios(profileFromEnv())) {
  test(`${scenario.label}`, async () => {
    // A cut lasts its own length on top of the call's setup, recovery (≤ 60 s) and catch-up (≤ 60 s):
    // at a load average of ~50 the 150 s cut ran out of a flat 5 minutes.
    test.setTimeout(300_000 + (scenario.trouble.kind === 'cut' ? scenario.trouble.seconds * 1000 : 0));
    const result = await runScenario(env, scenario);
    const checks = checksFor(result);
    const gaps = KNOWN_GAPS[scenario.id] ?? [];
    console.log(`${markdownTable([result])}\n${checkLines(result).join('\n')}`);
    if (result.phases !== null) console.log(phaseLines(result.phases).join('\n'));
    for (const c of checks) {
      // A known gap sits near its bound and may hold on one run by chance: measured and printed
      // above, noted when it holds, never a failure either way (one lucky run proves nothing).
      if (gaps.includes(c.name)) {
        if (c.ok) test.info().annotations.push({ type: 'known gap held', description: c.measured });
        continue;
      }
      expect.soft(c.ok, `${c.name}: ${c.measured}`).toBe(true);
    }
    for (const name of gaps)
      expect
        .soft(
          checks.some((c) => c.name === name),
          `KNOWN_GAPS names a check that does not exist: ${name}`,
        )
        .toBe(true);
  });
}
