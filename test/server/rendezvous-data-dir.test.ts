import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECRET_FILE_NAME } from '../../src/core/signaling/signaling-secret';
import { startRendezvousServer } from '../../src/server/rendezvous';

/**
 * `station serve --rendezvous` keeps its invite-signing secret in its data folder: the folder is
 * the owner's only (0700), a looser one is tightened (logged), one it cannot make private is
 * refused with why. Real modes on real folders.
 */
describe('standalone rendezvous: a private data folder', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'rdv-data-'));
    mkdirSync(join(base, 'renderer'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const modeOf = (dir: string): number => statSync(dir).mode & 0o777;
  const serve = (dataDir: string, log?: (line: string) => void) =>
    startRendezvousServer({ staticDir: join(base, 'renderer'), dataDir, ...(log ? { log } : {}) });

  it('makes a new folder 0700 whatever the umask, with its secret 0600', async () => {
    const dataDir = join(base, 'a', 'rdv');
    const previous = process.umask(0);
    try {
      const rendezvous = await serve(dataDir);
      await rendezvous.close();
    } finally {
      process.umask(previous);
    }
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, SECRET_FILE_NAME))).toBe(0o600);
  });

  it('tightens an existing 0755 folder at start and says so', async () => {
    const dataDir = join(base, 'rdv');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    const lines: string[] = [];
    const rendezvous = await serve(dataDir, (line) => lines.push(line));
    await rendezvous.close();
    expect(modeOf(dataDir)).toBe(0o700);
    expect(lines.some((line) => line.includes(`data-folder.made-private dir=${dataDir}`))).toBe(true);
  });

  it('refuses a folder owned by another user, and a path that is not a folder, before serving', async () => {
    const foreign = join(base, 'foreign');
    mkdirSync(foreign, { mode: 0o755 });
    const uid = process.getuid?.() ?? 0;
    if (uid === 0) {
      chownSync(foreign, 65534, 65534);
      await expect(serve(foreign)).rejects.toThrow(
        /foreign: owned by user 65534, not by this process's user 0/,
      );
      expect(modeOf(foreign)).toBe(0o755);
    }
    const file = join(base, 'file');
    writeFileSync(file, 'x');
    await expect(serve(file)).rejects.toThrow(/file: not a folder/);
  });
});
