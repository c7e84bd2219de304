import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the real Node host (dist/, so `npm run build` first; `npm test` does) with a
 * simulated device on a real pty, in Debian's Chromium. Playwright never downloads a browser here.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // Specs only: the network lab's pure figures have jest tests (*.test.ts) beside them.
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    },
  },
});
