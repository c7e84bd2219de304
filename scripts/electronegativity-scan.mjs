#!/usr/bin/env node
/**
 * Runs electronegativity's scanner in-process and prints its findings as JSON (the last line of
 * stdout), for
 * security-electronegativity.mjs. Its `--output` CSV writer races its own header write against the
 * rows (two unordered async writes), so a report file can come out truncated or header-only: the
 * runner's return value is the reliable result.
 *
 * Usage: node scripts/electronegativity-scan.mjs <input folder> <electron version>
 */
import { createRequire } from 'node:module';
import path from 'node:path';

// The scanner is CommonJS and exports no module entry for its runner.
const run = createRequire(import.meta.url)('@doyensec/electronegativity/dist/runner.js');

const [input, electronVersion] = process.argv.slice(2);
if (input === undefined || electronVersion === undefined) {
  console.error('usage: electronegativity-scan.mjs <input folder> <electron version>');
  process.exit(2);
}

run(
  {
    input: path.resolve(input),
    isRelative: true,
    isVerbose: false,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: [],
    electronVersionOverride: electronVersion,
  },
  false,
).then(
  ({ issues, errors }) => {
    const findings = issues.map((issue) => ({
      id: issue.id,
      severity: String(issue.severity.name).toUpperCase(),
      confidence: String(issue.confidence.name).toUpperCase(),
      file: path.isAbsolute(issue.file) ? path.relative(path.resolve(input), issue.file) : issue.file,
      location: `${issue.location?.line ?? 0}:${issue.location?.column ?? 0}`,
      description: String(issue.description ?? ''),
    }));
    // Last line of stdout: the scanner prints its own notices (offline, translations) before it.
    process.stdout.write(`\n${JSON.stringify({ findings, errors: errors.length })}\n`);
  },
  (error) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
