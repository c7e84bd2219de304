import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { buildSync } from 'esbuild';
import { openTestRecords, tempDir } from './records-test-kit';

/**
 * kill -9 during a consultation: what was committed is there, at most the last window is lost,
 * and the next start reopens the consultation as interrupted. The child runs the real store and
 * recorder from the TypeScript sources, bundled by esbuild (no full build needed); the native
 * database module stays external and is found through NODE_PATH.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
/** Samples per second the child sends (10 ticks of 1 numeric + 25 ECG samples). */
const SAMPLES_PER_SECOND = 260;

describe('records survive SIGKILL', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir('records-crash-')));
  afterEach(() => temp.cleanup());

  it('keeps every committed batch and marks the consultation interrupted', async () => {
    const bundle = join(temp.dir, 'crash-child.cjs');
    buildSync({
      entryPoints: [join(__dirname, 'fixtures', 'crash-child.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3-multiple-ciphers'],
      logLevel: 'silent',
    });
    const dataDir = join(temp.dir, 'data');
    mkdirSync(dataDir);
    const child = spawn(process.execPath, [bundle, dataDir], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_code, signal) => done(signal)),
    );

    let id = '';
    let committed = 0;
    let commits = 0;
    let sent = 0;
    for await (const line of createInterface({ input: child.stdout })) {
      const [word, value = ''] = line.split(' ');
      if (word === 'started') id = value;
      if (word === 'sent') sent = Number(value);
      if (word === 'committed') {
        committed = Number(value);
        commits += 1;
        // Kill it mid-window, a few ticks after its fourth commit.
        if (commits === 4) setTimeout(() => child.kill('SIGKILL'), 230);
      }
    }
    expect(await exited).toBe('SIGKILL');
    expect(stderr).toBe('');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(committed).toBeGreaterThan(0);

    // The test store's clock (the fixtures' day) is behind the child's wall-clock data: a clock that
    // cannot vouch for the gap interrupts (consultation-resume.ts); a resume is consultation-resume.test.ts.
    const store = openTestRecords(dataDir);
    const [summary] = store.list();
    expect(summary).toMatchObject({ id, status: 'interrupted' });
    const stored = (summary?.counts.numerics ?? 0) + (summary?.counts.waveformSamples ?? 0);
    expect(stored).toBeGreaterThanOrEqual(committed);
    // At most one window (0.5 s, plus a tick of timer slack) is lost.
    expect(sent - stored).toBeLessThanOrEqual(SAMPLES_PER_SECOND * 0.6 + 26);
    const detail = store.detail(id);
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'interrupted', time: summary?.endedAt });
    expect(detail.waveforms[0]).toMatchObject({ metric: 'MDC_ECG_ELEC_POTL_II', rateHz: 250 });
    expect(store.auditList().map((a) => a.action)).toContain('consultation.interrupted');
    // The interrupted record can still be closed and reported on.
    expect(store.end(id).status).toBe('ended');
    store.close();
  });
});
