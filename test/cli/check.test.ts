import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECK_EXIT, deviceTarget, formatReport, rendezvousOrigin } from '../../src/cli/commands/check';
import { runStation } from '../../src/cli/run-station';
import { startSimulatedDevice, type SimulatedDevice } from '../../src/core/sim/simulated-device';
import { checkReportSchema, type CheckReport } from '../../src/shared/domain/equipment-check';
import { startServer, type RunningServer } from '../../src/server/start';
import { startCoturn, type Coturn } from '../e2e/call-turn';
import { memoryIo } from '../helpers/cli-io';
import { hasSocat } from '../helpers/pty';

describe('station check: arguments and exit codes', () => {
  it('maps the overall status to the exit code', () => {
    expect(CHECK_EXIT).toEqual({ pass: 0, skipped: 0, warn: 1, fail: 2 });
  });

  it('takes the rendezvous as http(s) or ws(s) and refuses anything else', () => {
    expect(rendezvousOrigin('wss://rdv.example.org/signal')).toBe('https://rdv.example.org');
    expect(rendezvousOrigin('http://127.0.0.1:8090/x')).toBe('http://127.0.0.1:8090');
    expect(() => rendezvousOrigin('ftp://x')).toThrow(/http\(s\) or ws\(s\)/);
  });

  it('reads --device PATH=PROTOCOL and refuses an unknown protocol', () => {
    expect(deviceTarget('/dev/ttyUSB0=contec-cms50-v7')).toMatchObject({
      path: '/dev/ttyUSB0',
      explicit: true,
    });
    expect(deviceTarget('/dev/ttyUSB0=contec-cms50-v7').drivers.map((d) => d.protocol)).toEqual([
      'contec-cms50-v7',
    ]);
    expect(() => deviceTarget('/dev/ttyUSB0=nope')).toThrow(/not a known protocol id/);
  });

  it('answers a bad command line with usage and exit code 2', async () => {
    const run = memoryIo();
    expect(await runStation(['check', '--turn', 'http://x'], run.io)).toBe(2);
    expect(run.stderr).toMatch(/--turn: not a TURN URL/);
    const empty = memoryIo();
    expect(await runStation(['check', '--turn', 'turn:'], empty.io)).toBe(2);
    expect(empty.stderr).toMatch(/--turn: not a TURN URL/);
    const instant = memoryIo();
    expect(await runStation(['check', '--timeout', '0'], instant.io)).toBe(2);
    expect(instant.stderr).toMatch(/--timeout must be at least 100 ms/);
  });

  it('prints a table with fixes under non-passing items and an overall line', () => {
    const report: CheckReport = {
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
      source: 'station check',
      items: [
        { id: 'a', category: 'network', status: 'pass', title: 'A', detail: 'ok.', fix: '' },
        { id: 'b', category: 'network', status: 'fail', title: 'B', detail: 'down.', fix: 'Start it.' },
      ],
    };
    expect(formatReport(report)).toBe(
      'PASS    A: ok.\nFAIL    B: down.\n        fix: Start it.\n\nOverall: FAIL (1 pass, 0 warn, 1 fail, 0 skipped)\n',
    );
  });
});

const ready = hasSocat() && existsSync('/usr/bin/turnserver');

(ready ? describe : describe.skip)('station check against a real host, coturn and a pty device', () => {
  let coturn: Coturn;
  let host: RunningServer;
  let device: SimulatedDevice;
  let dataDir: string;
  const check = async (extra: string[] = []): Promise<{ code: number; report: CheckReport }> => {
    const run = memoryIo();
    const code = await runStation(
      [
        'check',
        '--json',
        '--data-dir',
        dataDir,
        '--rendezvous',
        host.url,
        '--turn',
        coturn.url,
        '--turn-secret',
        coturn.secret,
        '--device',
        `${device.path}=contec-cms50-v7`,
        ...extra,
      ],
      run.io,
    );
    return { code, report: checkReportSchema.parse(JSON.parse(run.stdout)) };
  };
  const statusOf = (report: CheckReport, prefix: string) =>
    report.items.find((item) => item.id.startsWith(prefix))?.status;

  beforeAll(async () => {
    coturn = await startCoturn();
    dataDir = mkdtempSync(join(tmpdir(), 'station-cli-check-'));
    host = await startServer({ dataDir, staticDir: dataDir });
    device = await startSimulatedDevice('contec-cms50-v7', { seed: 4 });
  }, 20_000);
  afterAll(async () => {
    await host?.close();
    await device?.stop();
    await coturn?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes with the device probed, the rendezvous measured and TURN over UDP and TCP: exit 0', async () => {
    const { code, report } = await check(['--probe']);
    expect(report.source).toBe('station check');
    expect(report.items.filter((item) => item.status !== 'pass')).toEqual([]);
    expect(report.items.map((item) => item.id.split('@')[0]).sort()).toEqual([
      `devices.${device.path}`,
      'network.download',
      'network.rendezvous',
      'network.turn',
      'network.upload',
    ]);
    expect(code).toBe(0);
  }, 20_000);

  it('fails the TURN items with their fix once coturn is stopped, then the unplugged device: exit 2', async () => {
    await coturn.stop();
    const turnDown = await check(['--no-throughput']);
    expect(turnDown.code).toBe(2);
    expect(statusOf(turnDown.report, 'network.turn')).toBe('fail');
    expect(turnDown.report.items.find((i) => i.id === 'network.turn')?.fix).toMatch(/coturn/);
    expect(statusOf(turnDown.report, 'devices.')).toBe('pass');

    await device.unplug();
    const unplugged = await check(['--no-throughput']);
    const item = unplugged.report.items.find((i) => i.id === `devices.${device.path}`);
    expect(item).toMatchObject({ status: 'fail', measured: { code: 'not-found' } });
  }, 20_000);
});
