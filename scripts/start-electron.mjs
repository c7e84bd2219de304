// `npm start`: launch the Electron station where Electron's runtime exists; where it could not be
// downloaded (build machines, air-gapped sites), say so in one line and name the browser host.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
  ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron')
  : electronBinary();
if (!binary || !existsSync(binary)) {
  console.error(
    "Electron's runtime is not installed on this machine (it could not be downloaded): run `npm run web` for the same station in a browser.",
  );
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', 'build', '--silent'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const run = spawnSync(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
