import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ACCESS_TOKEN_FILE,
  loadOrCreateAccessToken,
  stationUrlWithToken,
  tokenMatches,
} from '../../src/server/access-token';

describe('access token', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'station-token-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made once per data folder, 43 base64url characters, and found again', () => {
    const token = loadOrCreateAccessToken(dir);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(loadOrCreateAccessToken(dir)).toBe(token);
    expect(loadOrCreateAccessToken(mkdtempSync(join(dir, 'other-')))).not.toBe(token);
  });

  it('tightens a copy restored with looser rights, and replaces a damaged file', () => {
    const token = loadOrCreateAccessToken(dir);
    const file = join(dir, ACCESS_TOKEN_FILE);
    chmodSync(file, 0o644);
    expect(loadOrCreateAccessToken(dir)).toBe(token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'short\n');
    const replaced = loadOrCreateAccessToken(dir);
    expect(replaced).not.toBe(token);
    expect(readFileSync(file, 'utf8')).toBe(`${replaced}\n`);
  });

  it('matches only the token itself', () => {
    const token = 'A'.repeat(43);
    expect(tokenMatches(token, token)).toBe(true);
    for (const candidate of [
      null,
      undefined,
      '',
      'A'.repeat(42),
      'A'.repeat(44),
      `${'A'.repeat(42)}B`,
      'x'.repeat(600),
    ])
      expect(tokenMatches(token, candidate)).toBe(false);
  });

  it('puts the token in the query of the station URL', () => {
    expect(stationUrlWithToken('http://127.0.0.1:8080/', 'abc-_')).toBe('http://127.0.0.1:8080/?token=abc-_');
  });
});
