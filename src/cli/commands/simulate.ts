import { startSimulatedDevice } from '../../core/sim/simulated-device';
import { integerOption, parseCommandArgs, requireOption } from '../args';
import { EXIT_OK } from '../cli-io';
import type { Command } from '../command';
import { driverOrUsageError } from '../drivers';

const USAGE = `Usage: station simulate --protocol ID [--link PATH] [--seed N]

Runs a device simulator that speaks the real wire protocol on a pseudo-terminal pair (needs socat),
prints the path the station should open, and runs until Ctrl-C (SIGINT) or SIGTERM.

Options:
  --protocol ID   wire protocol to simulate, e.g. contec-cms50-v7
  --link PATH     where to create the station end (a symlink); default: a fresh temp path
  --seed N        seed of the simulator's generator (same seed, same bytes)
  -h, --help      show this help`;

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run a device simulator on a pseudo-terminal',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { protocol: { type: 'string' }, link: { type: 'string' }, seed: { type: 'string' } },
      0,
    );
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const driver = driverOrUsageError(requireOption(values.protocol, 'protocol'));
    const seed = integerOption(values.seed, 'seed', 0xffffffff);
    const device = await startSimulatedDevice(driver.protocol, { linkPath: values.link, seed, driver });
    io.stdout.write(`${device.path}\n`);
    io.stderr.write(`simulating ${driver.name} (${driver.protocol}); open ${device.path}; Ctrl-C to stop\n`);
    await io.untilInterrupted();
    await device.stop();
    return EXIT_OK;
  },
};
