// Mutation testing (issue 11, item 10): do the tests fail when the code that decides what a
// device said is changed? `npm run mutate` runs the whole scope below (many hours on two cores).
// One driver at a time, with the exclusions below kept: `MUTATE_ONLY=src/devices/nonin-df7 npm run
// mutate` (comma-separated folders or globs). `npm run mutate -- --mutate '<glob>'` works too but
// replaces the whole list, exclusions included. Add `--incremental` (after `--`) to rerun only the
// mutants whose code or tests changed since the last run. Reports: reports/mutation/ (git-ignored),
// index.html to browse, mutation.json for tools.
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// The code under mutation is environment-neutral and its tests run in jest's `node` project; the
// `dom` project (renderer) would need a Stryker-aware jsdom environment and only reaches a decoder
// through screens, so mutation runs the `node` project alone.
const { displayName: _node, ...nodeProject } = require('./jest.config.cjs').projects.find(
  (project) => project.displayName === 'node',
);

/** `MUTATE_ONLY` folders or globs (comma-separated), else the whole scope. */
function mutateGlobs(list) {
  if (!list?.trim()) return ['src/devices/**/*.ts', 'src/shared/vitals/**/*.ts'];
  return list
    .split(',')
    .map((glob) => (glob.trim().endsWith('.ts') ? glob.trim() : `${glob.trim()}/**/*.ts`));
}

/** `MUTATE_TESTS` globs (under test/, comma-separated; a folder glob means its *.test.ts files). */
function testGlobs(list) {
  const globs = list?.trim() ? list.split(',').map((glob) => glob.trim()) : ['{devices,shared}/**'];
  return globs.map((glob) => `<rootDir>/test/${glob.endsWith('.ts') ? glob : `${glob}/*.test.ts`}`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.cjs',
    config: {
      projects: undefined,
      ...nodeProject,
      // Only the tests written for this code: the decoders' and the vitals channel's own suites.
      // Core and CLI suites reach a decoder too, through real ptys and timers: minutes per mutant,
      // and a validity rule pinned only there is not pinned where issue 11 asks.
      // MUTATE_TESTS narrows further (comma-separated globs under test/), for a quick look at one
      // part with its own tests only, e.g. MUTATE_TESTS='devices/validity/**' for the guard.
      testMatch: testGlobs(process.env.MUTATE_TESTS),
    },
    // Each mutant runs only the test files that import its file (directly or not), not the whole
    // suite: the renderer, e2e-adjacent and records suites never see a decoder.
    enableFindRelatedTests: true,
  },
  // Per-test coverage: a mutant runs only the tests that reach it, and a mutant no test reaches is
  // reported as "no coverage" without running anything.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants such as an invalid-value marker) are kept on purpose:
  // "0x7F → 0x7E passes every test" is exactly what issue 11 found. They cost a full related run each.
  ignoreStatic: false,
  // No TypeScript checker: a mutant that does not typecheck is run anyway (it usually fails its
  // tests at once); the checker would double the run time on two cores.
  checkers: [],
  mutate: [
    ...mutateGlobs(process.env.MUTATE_ONLY),
    // Test infrastructure, not code that reads a device. A mutant there changes what a test feeds
    // the decoder, not what the station believes, so killing it proves nothing about the station:
    // - simulators and the simulated patients/monitors they play (deterministic test and demo feeds);
    '!src/devices/**/simulator.ts',
    '!src/devices/nonin/sim-streams.ts',
    '!src/devices/nonin/sim-report-streams.ts',
    '!src/devices/oximetry/physiology.ts',
    '!src/devices/ecg/ecg-model.ts',
    '!src/devices/ge-datex-s5/monitor-model.ts',
    '!src/devices/philips-intellivue-mib/vital-signs-model.ts',
    '!src/devices/framing/prng.ts',
    // - device-side encoders: they write what a device would send, for simulators and tests (the
    //   round-trip problem of issue 11: an encoder that shares the decoder's mistake proves nothing);
    '!src/devices/**/device-encoder.ts',
    '!src/devices/nonin/packet-encoder.ts',
    '!src/devices/ble/value-writer.ts',
    // - stream generation for tests and `npm run bench`.
    '!src/devices/testing/**',
    // Types only (the driver contract): nothing to mutate that a test could observe.
    '!src/devices/driver.ts',
  ],
  // The sandbox is a copy of the project: leave out what the tests never read.
  ignorePatterns: [
    'dist',
    'coverage',
    'test-results',
    'playwright-report',
    '.bench',
    '.station-data',
    'reports',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // `npm run mutate -- --incremental` reuses the results of mutants whose code and tests did not
  // change since the last run recorded here.
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // The sandboxes (copies of the project) go outside the checkout, so that jest, eslint and
  // prettier running there meanwhile never crawl a second copy of the sources.
  tempDirName: join(tmpdir(), 'teleconsult-stryker'),
  cleanTempDir: true,
  // Two cores are shared with everything else on a build machine: one test process by default;
  // pass `--concurrency N` where there are more cores.
  concurrency: 1,
  // A mutant that turns a loop endless (resync scans) must end as a timeout, not hang the run.
  timeoutMS: 10000,
  // The initial run covers every related suite in one process with coverage on: far above the
  // 5-minute default on two busy cores.
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 2,
  thresholds: { high: 90, low: 80, break: null },
};
