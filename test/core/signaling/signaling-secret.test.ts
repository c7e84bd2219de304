import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigningSecret, SECRET_FILE_NAME } from '../../../src/core/signaling/signaling-secret';

describe('signing secret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'station-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once, kept with mode 0600, and reused', () => {
    const first = loadSigningSecret(dir, {});
    expect(first.length).toBe(32);
    expect(statSync(join(dir, SECRET_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(loadSigningSecret(dir, {}).equals(first)).toBe(true);
  });

  it('takes a configured secret over the file, and refuses a short one', () => {
    const configured = 'x'.repeat(40);
    expect(loadSigningSecret(dir, { STATION_SIGNALING_SECRET: configured }).toString()).toBe(configured);
    expect(() => loadSigningSecret(dir, { STATION_SIGNALING_SECRET: 'short' })).toThrow(/32 bytes/);
    writeFileSync(join(dir, SECRET_FILE_NAME), 'abc\n');
    expect(() => loadSigningSecret(dir, {})).toThrow(/32 bytes/);
    expect(readFileSync(join(dir, SECRET_FILE_NAME), 'utf8')).toBe('abc\n'); // never overwritten
  });
});
