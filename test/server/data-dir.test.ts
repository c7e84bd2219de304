import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultDataDir, packageVersion } from '../../src/server/data-dir';

describe('defaultDataDir', () => {
  it('follows each OS user-data convention, in a node-host subfolder', () => {
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'teleconsult-station', 'node-host'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/teleconsult-station/node-host');
    expect(defaultDataDir({}, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'teleconsult-station', 'node-host'),
    );
    expect(defaultDataDir({ APPDATA: '/appdata' }, 'win32')).toBe(
      join('/appdata', 'teleconsult-station', 'node-host'),
    );
  });

  it('lets STATION_DATA_DIR override it', () => {
    expect(defaultDataDir({ STATION_DATA_DIR: 'rel/dir' }, 'linux')).toBe(resolve('rel/dir'));
  });

  it('reads the package version', () => {
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
