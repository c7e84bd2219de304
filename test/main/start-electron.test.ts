import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm start` where Electron's runtime is missing (every build machine): one clear line naming
 * the browser host, exit status 1, and no build started.
 */
describe('scripts/start-electron.mjs without an Electron runtime', () => {
  const script = path.join(__dirname, '..', '..', 'scripts', 'start-electron.mjs');
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [script], { env, encoding: 'utf8', timeout: 15000 });

  const expectOneLineNamingWeb = (result: ReturnType<typeof run>) => {
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/npm run web/);
    expect(result.stdout).toBe('');
  };

  it('exits 1 with one line naming `npm run web`', () => {
    const env = { ...process.env };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    expectOneLineNamingWeb(run(env));
  });

  it('says the same when ELECTRON_OVERRIDE_DIST_PATH names a folder with no binary', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'no-electron-'));
    try {
      expectOneLineNamingWeb(run({ ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty }));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
