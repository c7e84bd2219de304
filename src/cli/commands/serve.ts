import { startServer } from '../../server/start';
import { integerOption, parseCommandArgs } from '../args';
import { EXIT_OK } from '../cli-io';
import type { Command } from '../command';

const USAGE = `Usage: station serve [--host H] [--port P] [--simulate]

Runs the Node host: the station UI in a browser, the consultant app and signaling, until Ctrl-C.

Options:
  --host H      interface to listen on (default 127.0.0.1; 0.0.0.0 to serve the LAN)
  --port P      TCP port (default: a free port, printed at start)
  --simulate    feed the station from a simulated Contec CMS50 oximeter on a pseudo-terminal
  -h, --help    show this help`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the Node host (station in a browser, consultant app, signaling)',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { host: { type: 'string' }, port: { type: 'string' }, simulate: { type: 'boolean' } },
      0,
    );
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const server = await startServer({
      host: values.host,
      port: integerOption(values.port, 'port', 65535),
      simulate: values.simulate ?? false,
      log: (line) => io.stderr.write(`${line}\n`),
    });
    io.stdout.write(`${server.url}\n`);
    await io.untilInterrupted();
    await server.close();
    return EXIT_OK;
  },
};
