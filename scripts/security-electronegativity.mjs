#!/usr/bin/env node
/**
 * `npm run audit:electron`: @doyensec/electronegativity on src/ with the pinned Electron version,
 * then our real CSPs through the same evaluator (see security-findings.mjs). Exits 1 on any high or
 * medium finding, or on a low one not reviewed in ACCEPTED_LOW / SECURITY.md.
 *
 * Offline, electronegativity prints that it could not fetch translations and Electron's release
 * list; the scan itself is local (its release check then has nothing to report).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { classify, evaluateCsp, withRealCsp } from './security-findings.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const scanner = path.join(root, 'scripts', 'electronegativity-scan.mjs');

try {
  console.log(`electronegativity on src/ as Electron ${electronVersion}…`);
  const run = spawnSync(process.execPath, [scanner, path.join(root, 'src'), electronVersion], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`electronegativity exited with ${run.status ?? run.signal}`);
  }
  const scanned = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '');
  if (scanned.errors > 0) throw new Error(`electronegativity could not parse ${scanned.errors} file(s)`);
  const findings = withRealCsp(scanned.findings, await realCspFindings());
  const { failing, accepted, informational } = classify(findings);

  const line = (f) => `  ${f.severity.padEnd(6)} ${f.id} ${f.file}:${f.location} — ${f.description}`;
  for (const f of informational) console.log(`info:${line(f)}`);
  for (const f of accepted) console.log(`accepted (SECURITY.md):${line(f)}`);
  if (failing.length > 0) {
    console.error(`electronegativity: ${failing.length} finding(s) to fix:\n${failing.map(line).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(
      `electronegativity: 0 high, 0 medium, ${accepted.length} accepted low, ${informational.length} informational (Electron ${electronVersion})`,
    );
  }
} catch (error) {
  console.error(
    `electronegativity check failed to run: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}

/** The CSP of the desktop shell (with and without a rendezvous socket) and of the Node host. */
async function realCspFindings() {
  const policies = await loadPolicies();
  return [
    ...evaluateCsp(policies.shell([]), 'main/content-security-policy.ts'),
    ...evaluateCsp(
      policies.shell(policies.rendezvous('wss://rendezvous.example.org/signal')),
      'main/content-security-policy.ts',
    ),
    ...evaluateCsp(
      policies.nodeHost('127.0.0.1:8080')['Content-Security-Policy'],
      'core/signaling/security-headers.ts',
    ),
  ];
}

/** The policy builders are TypeScript: bundled on the fly (esbuild, in memory) and imported. */
async function loadPolicies() {
  const entry = `
    export { contentSecurityPolicy as shell, rendezvousSources as rendezvous } from './src/main/content-security-policy';
    export { securityHeaders as nodeHost } from './src/core/signaling/security-headers';`;
  const bundle = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
