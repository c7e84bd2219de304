import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io';

/** In-process CLI io: captured stdout/stderr, stdin from a buffer, and a manual "Ctrl-C". */
export function memoryIo(stdin: Uint8Array | string = '') {
  let out = '';
  let err = '';
  let interrupt!: () => void;
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  const io: CliIo = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    stdin: Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : Buffer.from(stdin)]),
    untilInterrupted: () => interrupted,
  };
  return {
    io,
    interrupt,
    get stdout() {
      return out;
    },
    get stderr() {
      return err;
    },
  };
}
