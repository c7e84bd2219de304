/**
 * Two projects, matched to runtime environments: `node` for shared/devices/core/server/main/cli
 * (Electron mapped to a stub: its binary does not exist on build machines) and `dom` (jsdom) for the
 * renderer. Browser and call tests run in real Chromium under Playwright (test/e2e), not here.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// ESM-only dependencies that jest must transform to CommonJS.
const esmPackages = [
  'electron-store',
  'conf',
  'dot-prop',
  'env-paths',
  'atomically',
  'stubborn-fs',
  'when-exit',
  'type-fest',
  'uint8array-extras',
  'debounce-fn',
  'mimic-function',
  'ajv-formats',
  'semver',
  'is-safe-filename',
  'stubborn-utils',
  // openid-client 6 (Pro Santé Connect sign-in) and what it is built on.
  'openid-client',
  'oauth4webapi',
  'jose',
];

const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^electron$': '<rootDir>/test/helpers/electron-stub.ts',
    // Components import their own CSS (Vite bundles it); jsdom tests need none of it.
    '\\.css$': '<rootDir>/test/helpers/style-stub.ts',
  },
};

module.exports = {
  testTimeout: 20000,
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/test/{shared,devices,core,server,main,cli,lint,assets}/**/*.test.ts',
        // The network lab's pure figures (the lab itself runs under Playwright, as root).
        '<rootDir>/test/e2e/network/lab/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'dom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/renderer/**/*.test.{ts,tsx}'],
    },
  ],
};
