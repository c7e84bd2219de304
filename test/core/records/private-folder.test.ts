import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateFolder } from '../../../src/core/records/private-folder';
import { openTestRecords, tempDir } from './records-test-kit';

/** The data folder is the owner's only (0700): real modes on real folders (root included: modes are modes). */
describe('records: the data folder is private', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  const modeOf = (dir: string): number => statSync(dir).mode & 0o777;

  it('a new folder is made 0700, whatever the umask', () => {
    const previous = process.umask(0);
    try {
      const dir = join(temp.dir, 'a', 'data');
      expect(ensurePrivateFolder(dir)).toBe('created');
      expect(modeOf(dir)).toBe(0o700);
    } finally {
      process.umask(previous);
    }
  });

  it('an existing looser folder (0755) is tightened to 0700; a private one is left as it is', () => {
    const dir = join(temp.dir, 'data');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    expect(ensurePrivateFolder(dir)).toBe('tightened');
    expect(modeOf(dir)).toBe(0o700);
    expect(ensurePrivateFolder(dir)).toBe('unchanged');
  });

  it('Windows has no POSIX modes: the folder is made, its mode left to its ACL', () => {
    const dir = join(temp.dir, 'data');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    expect(ensurePrivateFolder(dir, 'win32')).toBe('unchanged');
    expect(modeOf(dir)).toBe(0o755);
  });

  it('opening the records tightens their folder', () => {
    const dir = join(temp.dir, 'data');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    openTestRecords(dir).close();
    expect(modeOf(dir)).toBe(0o700);
  });
});
