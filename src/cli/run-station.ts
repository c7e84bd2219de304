import { UsageError } from './args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import type { Command } from './command';
import { checkCommand } from './commands/check';
import { decodeCommand } from './commands/decode';
import { devicesCommand } from './commands/devices';
import { probeCommand } from './commands/probe';
import { recordCommand } from './commands/record';
import { serveCommand } from './commands/serve';
import { simulateCommand } from './commands/simulate';

export const COMMANDS: readonly Command[] = [
  devicesCommand,
  probeCommand,
  recordCommand,
  decodeCommand,
  simulateCommand,
  serveCommand,
  checkCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: station <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`station <command> --help\` for a command's options.`;
}

/** Runs `station ARGV…` and returns the exit code; never throws. */
export async function runStation(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io[name === undefined ? 'stderr' : 'stdout'].write(`${overview()}\n`);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`station: unknown command ${JSON.stringify(name)}\n\n${overview()}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`station ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`station ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
