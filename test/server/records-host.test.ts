import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILE, RECORDS_FILE } from '../../src/core/records/open-records';
import { startServer, type RunningServer } from '../../src/server/start';
import { CONSULTATION_START } from '../helpers/consultation-start';

/** The Node host opens the encrypted records in its data folder, with a 0600 key file beside them. */
describe('Node host: consultation records', () => {
  let base: string;
  let server: RunningServer | null = null;
  beforeEach(() => (base = mkdtempSync(join(tmpdir(), 'records-host-'))));
  afterEach(async () => {
    await server?.close();
    server = null;
    rmSync(base, { recursive: true, force: true });
  });

  it('records into <dataDir>/records.db, closes it on shutdown, and finds the record again', async () => {
    const dataDir = join(base, 'data');
    server = await startServer({ port: 0, staticDir: base, dataDir });
    const { id } = await server.backend.api['consultation.start'](CONSULTATION_START);
    await server.backend.api['consultation.end']({ id });
    await server.close();
    server = null;
    expect(statSync(join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, RECORDS_FILE)).includes(Buffer.from('Dupont'))).toBe(false);

    server = await startServer({ port: 0, staticDir: base, dataDir });
    expect((await server.backend.api['consultation.list']({})).map((c) => [c.id, c.status])).toEqual([
      [id, 'ended'],
    ]);
  });

  it('the data folder is made 0700, and an existing 0755 one is tightened at start (logged)', async () => {
    const dataDir = join(base, 'data');
    server = await startServer({ port: 0, staticDir: base, dataDir });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    await server.close();
    chmodSync(dataDir, 0o755);
    const lines: string[] = [];
    server = await startServer({ port: 0, staticDir: base, dataDir, log: (line) => lines.push(line) });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(lines).toContain(`data folder ${dataDir}: made private (mode 700)`);
  });

  it('a records database it cannot open: the station starts, records answer unavailable with why', async () => {
    const dataDir = join(base, 'data');
    server = await startServer({ port: 0, staticDir: base, dataDir });
    await server.close();
    rmSync(join(dataDir, KEY_FILE));
    const lines: string[] = [];
    server = await startServer({ port: 0, staticDir: base, dataDir, log: (line) => lines.push(line) });
    await expect(server.backend.api['consultation.current']({})).rejects.toMatchObject({
      code: 'unavailable',
      message: /records\.key is missing/,
    });
    expect(lines.join('\n')).toMatch(/consultation records unavailable/);
    expect((await server.backend.api['app.info']({})).host).toBe('node');
  });

  it('a deleted records database beside its key: refused (unavailable, database-missing), none made', async () => {
    const dataDir = join(base, 'data');
    server = await startServer({ port: 0, staticDir: base, dataDir });
    await server.close();
    rmSync(join(dataDir, RECORDS_FILE));
    const lines: string[] = [];
    server = await startServer({ port: 0, staticDir: base, dataDir, log: (line) => lines.push(line) });
    await expect(server.backend.api['consultation.start'](CONSULTATION_START)).rejects.toMatchObject({
      code: 'unavailable',
      message:
        /^consultation\.start: database-missing: .*records\.db is missing but its key .*records\.key exists/,
    });
    expect(lines.join('\n')).toMatch(/consultation records unavailable/);
    expect(existsSync(join(dataDir, RECORDS_FILE))).toBe(false);
  });
});
