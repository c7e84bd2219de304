import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStation } from '../../src/cli/run-station';
import { parseCapture } from '../../src/core/transports/capture-format';
import { readingSchema } from '../../src/shared/domain/readings';
import { memoryIo } from '../helpers/cli-io';
import { hasSocat, waitFor } from '../helpers/pty';

const describeWithSocat = hasSocat() ? describe : describe.skip;

/** `simulate` on a real pty pair, `record` from it through the real binding, `decode` the capture. */
describeWithSocat('station simulate → record → decode', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'station-cli-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('records a simulated device to a capture that decodes to readings', async () => {
    const link = join(dir, 'oximeter');
    const sim = memoryIo();
    const simulating = runStation(
      ['simulate', '--protocol', 'contec-cms50-v7', '--link', link, '--seed', '9'],
      sim.io,
    );
    await waitFor(() => sim.stdout.includes('\n'), 5000, 'the simulated path');
    expect(sim.stdout.trim()).toBe(link);

    const out = join(dir, 'session.capture.jsonl');
    const rec = memoryIo();
    expect(
      await runStation(
        ['record', link, '--protocol', 'contec-cms50-v7', '--out', out, '--seconds', '0.6'],
        rec.io,
      ),
    ).toBe(0);
    expect(rec.stderr).toMatch(/streaming/);
    sim.interrupt();
    expect(await simulating).toBe(0);

    const capture = parseCapture(await readFile(out, 'utf8'));
    expect(capture.header).toMatchObject({ protocol: 'contec-cms50-v7', path: link });
    expect(capture.chunks.some((c) => c.dir === 'out' && c.bytes[0] === 0x7d)).toBe(true);

    const dec = memoryIo();
    expect(await runStation(['decode', out], dec.io)).toBe(0);
    const readings = dec.stdout
      .trim()
      .split('\n')
      .map((line) => readingSchema.parse(JSON.parse(line)));
    expect(readings.flatMap((r) => (r.type === 'waveform' ? r.samples : [])).length).toBeGreaterThan(10);
    expect(dec.stderr).toMatch(/ 0 dropped/);
  });

  it('reports a port that does not exist', async () => {
    const rec = memoryIo();
    const code = await runStation(
      ['record', join(dir, 'nope'), '--protocol', 'contec-cms50-v7', '--out', join(dir, 'x.jsonl')],
      rec.io,
    );
    expect(code).toBe(1);
    expect(rec.stderr).toMatch(/No such file or directory/);
  });
});
