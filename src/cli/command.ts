import type { CliIo } from './cli-io';

export interface Command {
  readonly name: string;
  /** One line for `station --help`. */
  readonly summary: string;
  /** Full `station <name> --help` text. */
  readonly usage: string;
  /** Returns the exit code; throws UsageError for a bad command line. */
  run(argv: string[], io: CliIo): Promise<number>;
}
