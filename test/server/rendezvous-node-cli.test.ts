import { runStation } from '../../src/cli/run-station';
import { memoryIo } from '../helpers/cli-io';

/** `station serve --rendezvous` node options (docs/DEPLOY.md): what the command line refuses. */
describe('station serve (rendezvous node options)', () => {
  it.each([
    [['--max-sockets', '9000'], /--max-sockets needs --rendezvous/],
    [['--rendezvous', '--log-format', 'xml'], /--log-format must be text or json/],
    [
      ['--rendezvous', '--turn-check-interval', 'soon'],
      /--turn-check-interval must be 0 \(no check\) or 1–3600/,
    ],
    [
      ['--rendezvous', '--turn-check-interval', '0.2'],
      /--turn-check-interval must be 0 \(no check\) or 1–3600/,
    ],
    // The station host's embedded rendezvous takes it too, validated the same way.
    [['--turn-check-interval', '7200'], /--turn-check-interval must be 0 \(no check\) or 1–3600/],
    [['--rendezvous', '--max-rooms', 'many'], /--max-rooms must be an integer/],
    [['--rendezvous', '--metrics-host', '127.0.0.1'], /--metrics-host needs --metrics-port/],
    [['--rendezvous', '--metrics-host', '0.0.0.0', '--metrics-port', '0'], /would be open to that network/],
    [['--rendezvous', '--turn-url', 'turn:'], /not a turn URL/],
  ])('refuses %j', async (args, message) => {
    const run = memoryIo();
    expect(await runStation(['serve', ...args], run.io)).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses a bad STATION_TURN_CHECK_INTERVAL, naming it, for a node and for the station host', async () => {
    const previous = process.env.STATION_TURN_CHECK_INTERVAL;
    process.env.STATION_TURN_CHECK_INTERVAL = '15s';
    try {
      for (const args of [['--rendezvous'], []]) {
        const run = memoryIo();
        expect(await runStation(['serve', ...args], run.io)).toBe(2);
        expect(run.stderr).toMatch(
          /STATION_TURN_CHECK_INTERVAL must be 0 \(no check\) or 1–3600 seconds, got "15s"/,
        );
      }
    } finally {
      if (previous === undefined) delete process.env.STATION_TURN_CHECK_INTERVAL;
      else process.env.STATION_TURN_CHECK_INTERVAL = previous;
    }
  });
});
