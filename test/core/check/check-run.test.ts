import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckItem, CheckReport } from '../../../src/shared/domain/equipment-check';
import { checkReportSchema } from '../../../src/shared/domain/equipment-check';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import { startSimulatedDevice, type SimulatedDevice } from '../../../src/core/sim/simulated-device';
import { startServer, type RunningServer } from '../../../src/server/start';
import { startCoturn, type Coturn } from '../../e2e/call-turn';
import { hasSocat } from '../../helpers/pty';
import { probeTurn } from '../../../src/core/check/turn/turn-allocate';
import { parseTurnUrl } from '../../../src/core/check/turn/turn-url';

const ready = hasSocat() && existsSync('/usr/bin/turnserver');

/**
 * `check.run` in the real Node host: its own rendezvous check endpoints, a real coturn, a device
 * on a real pty. Then coturn stopped (TURN items fail with their fix) and the device unplugged
 * (its item fails).
 */
(ready ? describe : describe.skip)('check.run against the real host, coturn and a pty device', () => {
  let coturn: Coturn;
  let server: RunningServer;
  let device: SimulatedDevice;
  let dataDir: string;

  const run = (): Promise<CheckReport> => server.backend.api['check.run']({});
  const byPrefix = (report: CheckReport, prefix: string): CheckItem[] =>
    report.items.filter((item) => item.id.startsWith(prefix));

  beforeAll(async () => {
    coturn = await startCoturn();
    dataDir = mkdtempSync(join(tmpdir(), 'station-check-'));
    server = await startServer({
      dataDir,
      staticDir: dataDir, // no renderer needed: only the API and the check endpoints
      signaling: { turnUrls: [coturn.url], turnSecret: coturn.secret },
    });
    device = await startSimulatedDevice('contec-cms50-v7', { seed: 3 });
    const streaming = new Promise<void>((resolve) =>
      server.backend.on('device.state', (info: DeviceInfo) => {
        if (info.state === 'streaming') resolve();
      }),
    );
    await server.backend.connectDevice({ path: device.path, protocol: device.protocol, simulated: true });
    await streaming;
  }, 20_000);

  afterAll(async () => {
    await server?.close();
    await device?.stop();
    await coturn?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes every item: device streaming, rendezvous RTT and throughput, TURN over UDP and TCP', async () => {
    const report = await run();
    expect(checkReportSchema.parse(report)).toEqual(report);
    expect(report.source).toBe('station host');
    const statuses = Object.fromEntries(report.items.map((item) => [item.id.split('@')[0], item.status]));
    expect(statuses).toEqual({
      'devices.contec-cms50-v7': 'pass',
      'network.rendezvous': 'pass',
      'network.upload': 'pass',
      'network.download': 'pass',
      // One item for the relay: UDP, TCP and (the test relay runs with the deny list) the private
      // peers refused, each a line under it.
      'network.turn': 'pass',
      // The host's records: the audit chain walked and every page checked (integrity_check).
      'records.audit-chain': 'pass',
      'records.integrity': 'pass',
    });
    const upload = byPrefix(report, 'network.upload')[0];
    expect(upload?.measured?.['uploadKbps']).toBeGreaterThan(1000);
    const [turn] = byPrefix(report, 'network.turn');
    expect(turn?.detail).toMatch(/^PASS UDP port \d+: .* granted a relay \(127\.0\.0\.1:\d+\)/m);
    expect(turn?.measured).toMatchObject({ lines: 'udp peers tcp', udp: 'ok', tcp: 'ok', peers: 'ok' });
    expect(turn?.measured?.['udpRttMs']).toEqual(expect.any(Number));
  }, 20_000);

  it('without throughput, measures only the round trip', async () => {
    const report = await server.backend.api['check.run']({ throughput: false });
    expect(byPrefix(report, 'network.upload')).toEqual([]);
    expect(byPrefix(report, 'network.rendezvous')[0]?.status).toBe('pass');
  });

  it('hands the browser a short-lived TURN credential that coturn accepts, and no secret', async () => {
    const { iceServers } = await server.backend.api['check.iceServers']({});
    expect(iceServers).toHaveLength(1);
    const [server0] = iceServers;
    expect(server0?.urls).toEqual([coturn.url]);
    const expiry = Number(server0?.username?.split(':')[0]);
    expect(expiry * 1000 - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
    expect(JSON.stringify(iceServers)).not.toContain(coturn.secret);
    const accepted = await probeTurn({
      endpoint: parseTurnUrl(coturn.url),
      transport: 'udp',
      username: server0?.username ?? '',
      password: server0?.credential ?? '',
    });
    expect(accepted.ok).toBe(true);
  });

  it('fails the TURN item with its one fix once coturn is stopped, each transport a failed line', async () => {
    await coturn.stop();
    const report = await run();
    const [item] = byPrefix(report, 'network.turn');
    expect(item).toMatchObject({ status: 'fail', measured: { udpStatus: 'fail', tcpStatus: 'fail' } });
    expect(item?.fix).toMatch(/start the TURN server \(coturn\)|TURN server may be stopped/);
    expect(byPrefix(report, 'network.rendezvous')[0]?.status).toBe('pass');
  }, 20_000);

  it('fails the device item once the device is unplugged', async () => {
    const gone = new Promise<void>((resolve) =>
      server.backend.on('device.state', (info: DeviceInfo) => {
        if (info.state === 'disconnected') resolve();
      }),
    );
    await device.unplug();
    await gone;
    const report = await server.backend.api['check.run']({ throughput: false });
    const [item] = byPrefix(report, 'devices.contec-cms50-v7');
    expect(item).toMatchObject({ status: 'fail', measured: { code: 'disconnected' } });
    expect(item?.fix).toMatch(/Plug the device back in/);
  }, 20_000);
});
