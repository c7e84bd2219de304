import type { Readable } from 'node:stream';

/**
 * What a command may touch of the outside world. The real process supplies stdio and signals;
 * tests run commands in-process with buffers and a promise they resolve to "press Ctrl-C".
 */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly stdin: Readable;
  /** Resolves when the user asks the command to stop (SIGINT / SIGTERM). */
  untilInterrupted(): Promise<void>;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: touching process.stdin opens a handle, which only `decode -` needs.
    get stdin() {
      return process.stdin;
    },
    untilInterrupted: () =>
      new Promise((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  };
}

/** Exit codes: 0 ok, 1 the work failed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
