import { serialLinkOf } from '../../devices/driver';
import { DeviceSession } from '../../core/devices/device-session';
import { recordCapture } from '../../core/transports/capture-recorder';
import { createSerialTransport } from '../../core/transports/serialport-transport';
import { TransportError } from '../../core/transports/transport';
import { parseCommandArgs, requireOption, secondsOption, UsageError } from '../args';
import { EXIT_FAILURE, EXIT_OK } from '../cli-io';
import type { Command } from '../command';
import { driverOrUsageError } from '../drivers';

const USAGE = `Usage: station record PATH --protocol ID --out FILE [--seconds N]

Opens the serial port PATH with the protocol's link settings, runs its start commands and records
every byte both ways, with timestamps, to a capture file (*.capture.jsonl) for \`station decode\`
and test fixtures. Runs for N seconds, or until Ctrl-C.

Options:
  --protocol ID   wire protocol of the device, e.g. contec-cms50-v7
  --out FILE      capture file to write
  --seconds N     stop after N seconds
  -h, --help      show this help`;

/** Without frames for this long the device is reported as silent; recording continues. */
const RECORD_NO_DATA_TIMEOUT_MS = 5000;

export const recordCommand: Command = {
  name: 'record',
  summary: 'record raw bytes with timestamps to a capture file',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { protocol: { type: 'string' }, out: { type: 'string' }, seconds: { type: 'string' } },
      1,
    );
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const path = positionals[0];
    if (path === undefined)
      throw new UsageError('missing PATH (the serial port to record, e.g. /dev/ttyUSB0)');
    const driver = driverOrUsageError(requireOption(values.protocol, 'protocol'));
    const out = requireOption(values.out, 'out');
    const seconds = secondsOption(values.seconds, 'seconds');

    const recorder = await recordCapture(createSerialTransport(path, serialLinkOf(driver)), {
      file: out,
      protocol: driver.protocol,
    });
    const session = new DeviceSession({
      driver,
      transport: recorder.transport,
      simulated: false,
      noDataTimeoutMs: () => RECORD_NO_DATA_TIMEOUT_MS,
    });
    let frames = 0;
    session.onReadings(() => frames++);
    session.onInfo((info) =>
      io.stderr.write(`${info.id}: ${info.state}${info.error ? ` (${info.error.message})` : ''}\n`),
    );
    try {
      await session.start();
    } catch (error) {
      await recorder.stop();
      io.stderr.write(`station record: ${error instanceof TransportError ? error.message : String(error)}\n`);
      return EXIT_FAILURE;
    }
    await untilDone(io.untilInterrupted(), seconds, () => session.info.state === 'disconnected');
    await session.stop();
    await recorder.stop();
    io.stderr.write(
      `recorded ${recorder.chunkCount} chunk(s) (${frames} chunk(s) with readings) to ${out}\n`,
    );
    return EXIT_OK;
  },
};

/** Resolves on interrupt, after `seconds`, or once the device is gone. */
function untilDone(
  interrupted: Promise<void>,
  seconds: number | undefined,
  gone: () => boolean,
): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(deadline);
      clearInterval(poll);
      resolve();
    };
    void interrupted.then(done);
    const deadline = seconds === undefined ? undefined : setTimeout(done, seconds * 1000);
    const poll = setInterval(() => {
      if (gone()) done();
    }, 200);
  });
}
