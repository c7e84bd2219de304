import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const APP_DIR_NAME = 'teleconsult-station';

/**
 * Where the Node host keeps its files when no --data-dir is given: the OS user-data convention
 * (the same base folder Electron's `userData` uses for this app), in a `node-host` subfolder so its
 * settings never collide with the Electron build's electron-store file. `STATION_DATA_DIR`
 * overrides it (kiosk images, containers, tests).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const override = env.STATION_DATA_DIR;
  if (override !== undefined && override.length > 0) return resolve(override);
  return join(userDataBase(env, platform), APP_DIR_NAME, 'node-host');
}

function userDataBase(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const home = homedir();
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(home, '.config'); // Linux and the other Unixes (XDG)
}

/** The package version, read at run time so the bundled host and the sources report the same. */
export function packageVersion(): string {
  for (const candidate of [resolve(__dirname, '..', '..', 'package.json'), resolve('package.json')]) {
    try {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown; version?: unknown };
      if (parsed.name === APP_DIR_NAME && typeof parsed.version === 'string') return parsed.version;
    } catch {
      // not there: try the next candidate
    }
  }
  return '0.0.0-unknown';
}
