import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PinFile } from '../../../src/core/kiosk/pin-file';
import { writePinFile } from '../../../src/core/kiosk/pin-file';

/**
 * A folder whose disk a test can fill and free again. Where `mount` is allowed (root in CI), it is
 * a real 64 KiB tmpfs filled to the last byte: every write gets ENOSPC from the kernel, root
 * included (permission tricks do not stop root; a full disk does). Elsewhere the same ENOSPC is
 * injected into the kiosk's file writer: `kind` says which one ran, and test names say it too.
 */
export interface FillableDisk {
  readonly kind: 'full tmpfs' | 'injected ENOSPC';
  readonly dir: string;
  /** The writer to give the kiosk service (the real one on a tmpfs). */
  readonly writeFile: (path: string, file: PinFile) => Promise<void>;
  fill(): void;
  free(): void;
  remove(): void;
}

export const MOUNT_ALLOWED = canMountTmpfs();

export function fillableDisk(): FillableDisk {
  return MOUNT_ALLOWED ? tmpfsDisk() : injectedDisk();
}

function tmpfsDisk(): FillableDisk {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', dir]);
  const filler = join(dir, 'filler');
  return {
    kind: 'full tmpfs',
    dir,
    writeFile: writePinFile,
    fill() {
      const fd = openSync(filler, 'a');
      const page = Buffer.alloc(4096, 0x55);
      try {
        for (;;) writeSync(fd, page);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    remove() {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function injectedDisk(): FillableDisk {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-full-'));
  let full = false;
  return {
    kind: 'injected ENOSPC',
    dir,
    writeFile: (path, file) =>
      full
        ? Promise.reject(
            Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
          )
        : writePinFile(path, file),
    fill: () => (full = true),
    free: () => (full = false),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function canMountTmpfs(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'kiosk-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
