import { runStation } from '../../src/cli/run-station';
import { startSimulatedDevice, type SimulatedDevice } from '../../src/core/sim/simulated-device';
import { memoryIo } from '../helpers/cli-io';
import { hasSocat } from '../helpers/pty';

const describeWithSocat = hasSocat() ? describe : describe.skip;

describeWithSocat('station probe', () => {
  let device: SimulatedDevice;
  beforeAll(async () => {
    device = await startSimulatedDevice('contec-cms50-v7', { seed: 5 });
  });
  afterAll(() => device.stop());

  it('names the protocol that answers on an unlabelled pty', async () => {
    const run = memoryIo();
    expect(await runStation(['probe', device.path], run.io)).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^${device.path}: contec-cms50-v7 \\(.+\\) answered in \\d+\\.\\d s\\n$`),
    );
  });

  it('prints the per-candidate result as JSON, and fails clearly when the given protocols do not answer', async () => {
    const json = memoryIo();
    expect(await runStation(['probe', device.path, '--protocol', 'contec-cms50-v7', '--json'], json.io)).toBe(
      0,
    );
    expect(JSON.parse(json.stdout)).toMatchObject({
      outcome: 'found',
      protocol: 'contec-cms50-v7',
      candidates: [{ protocol: 'contec-cms50-v7' }],
    });
    const none = memoryIo();
    const code = await runStation(
      ['probe', device.path, '--protocol', 'contec-cms50-legacy', '--timeout', '800'],
      none.io,
    );
    expect(code).toBe(1);
    expect(none.stderr).toMatch(/no protocol answered on .+; tried: contec-cms50-legacy/);
  });
});

describe('station probe / devices (command line)', () => {
  it('rejects a missing path and an unknown protocol with the usage text', async () => {
    const missing = memoryIo();
    expect(await runStation(['probe'], missing.io)).toBe(2);
    expect(missing.stderr).toMatch(/missing PATH[\s\S]*Usage: station probe/);
    const unknown = memoryIo();
    expect(await runStation(['probe', '/dev/null', '--protocol', 'nope'], unknown.io)).toBe(2);
    expect(unknown.stderr).toMatch(/not a known protocol id/);
  });

  it('reports a port that cannot be opened', async () => {
    const run = memoryIo();
    expect(await runStation(['probe', '/dev/station-no-such-port', '--timeout', '500'], run.io)).toBe(1);
    expect(run.stderr).toMatch(/\(not-found\)/);
  });

  it('lists devices as a table or JSON without failing on a machine with none', async () => {
    const table = memoryIo();
    expect(await runStation(['devices'], table.io)).toBe(0);
    const json = memoryIo();
    expect(await runStation(['devices', '--json'], json.io)).toBe(0);
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
  });
});
