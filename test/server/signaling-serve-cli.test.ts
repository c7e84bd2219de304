import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { runStation } from '../../src/cli/run-station';
import { memoryIo } from '../helpers/cli-io';

/** `station serve` signaling options: validation, and the standalone rendezvous mode end to end. */
describe('station serve (signaling options)', () => {
  it.each([
    [['--cert', 'c.pem'], /--cert and --key go together/],
    [
      ['--host', '0.0.0.0'],
      /--host 0\.0\.0\.0 serves the station beyond this machine: give --cert FILE and --key FILE/,
    ],
    [['--rendezvous', '--cert', 'c.pem'], /--cert and --key go together/],
    [['--rendezvous', '--simulate'], /--simulate needs the station host/],
    [['--rendezvous', '--simulate-profile', 'ecg12'], /--simulate needs the station host/],
    [['--simulate-profile', 'ecg15'], /unknown simulate profile "ecg15"; known: oximeter, ecg12/],
    [['--turn-url', 'http://x'], /not a turn URL/],
    [['--public-url', 'ftp://x'], /--public-url must be an http\(s\) URL/],
    [['--allowed-origin', 'https://x.example/path'], /must be an origin/],
  ])('refuses %j', async (args, message) => {
    const run = memoryIo();
    expect(await runStation(['serve', ...args], run.io)).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('the station host prints its URL with the access token, the one in station-url', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-serve-cli-'));
    const previous = process.env.STATION_DATA_DIR;
    process.env.STATION_DATA_DIR = dataDir;
    try {
      const run = memoryIo();
      const exit = runStation(['serve', '--port', '0'], run.io);
      while (!run.stdout.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 10));
      const printed = run.stdout.trim();
      expect(printed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
      expect(readFileSync(join(dataDir, 'station-url'), 'utf8')).toBe(`${printed}\n`);
      const { origin, host, search } = new URL(printed);
      const socket = new WebSocket(`ws://${host}/api${search}`, { origin });
      const reply = await new Promise<unknown>((resolve, reject) => {
        socket.once('open', () => socket.send(JSON.stringify({ id: 1, method: 'app.info', params: {} })));
        socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
        socket.once('error', reject);
      });
      expect(reply).toMatchObject({ id: 1, result: { ok: true, value: { host: 'node' } } });
      socket.terminate();
      run.interrupt();
      expect(await exit).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.STATION_DATA_DIR;
      else process.env.STATION_DATA_DIR = previous;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('--rendezvous serves signaling only, until interrupted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-rdv-cli-'));
    const previous = process.env.STATION_DATA_DIR;
    process.env.STATION_DATA_DIR = dataDir;
    try {
      const run = memoryIo();
      const exit = runStation(['serve', '--rendezvous', '--port', '0'], run.io);
      while (!run.stdout.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 10));
      const origin = new URL(run.stdout.trim()).origin;
      const socket = new WebSocket(`${origin.replace('http', 'ws')}/signal`, { origin });
      const reply = await new Promise<unknown>((resolve, reject) => {
        socket.once('open', () => socket.send(JSON.stringify({ type: 'ping' })));
        socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
        socket.once('error', reject);
      });
      expect(reply).toEqual({ type: 'pong' });
      socket.terminate();
      run.interrupt();
      expect(await exit).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.STATION_DATA_DIR;
      else process.env.STATION_DATA_DIR = previous;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
