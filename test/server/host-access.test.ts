import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { ACCESS_TOKEN_FILE, STATION_URL_FILE } from '../../src/server/access-token';
import { startServer, type RunningServer } from '../../src/server/start';
import { SIGNALING_PATH } from '../../src/shared/call/signaling';
import { lastBody, send, testCertificate, upgradeStatus } from './host-access-kit';

/**
 * Issue 13, item 1: anyone who could reach the port listed, exported and deleted records. Now the
 * API asks for the data folder's access token (query parameter or the cookie the page trades it
 * for), then the Origin; the pages, the consultant app and /signal stay open.
 */
describe('Node host access token', () => {
  let base: string;
  let dataDir: string;
  let staticDir: string;
  let server: RunningServer | null = null;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'station-access-'));
    dataDir = join(base, 'data');
    staticDir = join(base, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>station</title>');
    writeFileSync(join(staticDir, 'consultant.html'), '<!doctype html><title>consultant</title>');
    writeFileSync(join(staticDir, 'assets', 'consultant.js'), 'export {};');
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    rmSync(base, { recursive: true, force: true });
  });

  const start = async (): Promise<RunningServer> =>
    (server = await startServer({ port: 0, staticDir, dataDir }));
  const apiUrl = (running: RunningServer, query = ''): string =>
    `${running.url.replace('http', 'ws')}api${query}`;
  const origin = (running: RunningServer): string => new URL(running.url).origin;

  it('writes station-url (0600) with a token kept in the data folder (0600) across restarts', async () => {
    const first = await start();
    expect(first.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.stationUrl).toBe(`${first.url}?token=${first.accessToken}`);
    expect(readFileSync(join(dataDir, STATION_URL_FILE), 'utf8')).toBe(`${first.stationUrl}\n`);
    expect(statSync(join(dataDir, STATION_URL_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, ACCESS_TOKEN_FILE)).mode & 0o777).toBe(0o600);
    await first.close();
    const second = await start();
    expect(second.accessToken).toBe(first.accessToken);
    expect(readFileSync(join(dataDir, STATION_URL_FILE), 'utf8')).toBe(`${second.stationUrl}\n`);
  });

  it('refuses an /api upgrade without the token, or with a wrong one, with a bare 401', async () => {
    const running = await start();
    const wrong = `${running.accessToken.slice(0, -1)}${running.accessToken.endsWith('A') ? 'B' : 'A'}`;
    for (const query of ['', `?token=${wrong}`, '?token=', `?token=${running.accessToken}x`]) {
      expect(await upgradeStatus(apiUrl(running, query), { Origin: origin(running) })).toBe(401);
      expect(lastBody).toBe('Unauthorized');
    }
    // A cookie of the right name with a wrong value, or the token under another cookie name.
    const cookieName = cookieNameFrom(await send(running.stationUrl));
    expect(
      await upgradeStatus(apiUrl(running), { Origin: origin(running), Cookie: `${cookieName}=${wrong}` }),
    ).toBe(401);
    expect(
      await upgradeStatus(apiUrl(running), {
        Origin: origin(running),
        Cookie: `other=${running.accessToken}`,
      }),
    ).toBe(401);
  });

  it('refuses the right token from another Origin (403), and accepts it from the page’s own', async () => {
    const running = await start();
    const withToken = apiUrl(running, `?token=${running.accessToken}`);
    const port = new URL(running.url).port;
    expect(await upgradeStatus(withToken, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(withToken, { Origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(
      await upgradeStatus(withToken, { Origin: `http://evil.example:${port}`, Host: `evil.example:${port}` }),
    ).toBe(403);
    expect(await upgradeStatus(withToken, { Origin: origin(running) })).toBe(101);
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const running = await start();
    const traded = await send(`${running.url}index.html?lang=fr&token=${running.accessToken}`);
    expect(traded.status).toBe(303);
    expect(traded.headers.location).toBe('/index.html?lang=fr');
    expect(traded.headers['cache-control']).toBe('no-store');
    const setCookie = traded.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http on loopback: a Secure cookie would never return
    const cookie = setCookie.split(';', 1)[0] ?? '';

    const socket = new WebSocket(apiUrl(running), { headers: { Origin: origin(running), Cookie: cookie } });
    const reply = await new Promise<unknown>((resolve, reject) => {
      socket.once('open', () =>
        socket.send(JSON.stringify({ id: 1, method: 'consultation.list', params: {} })),
      );
      socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
      socket.once('error', reject);
    });
    socket.terminate();
    expect(reply).toEqual({ id: 1, result: { ok: true, value: [] } });
  });

  it('a wrong token in the page address sets no cookie, and is dropped from the address too', async () => {
    const running = await start();
    const traded = await send(`${running.url}?token=not-the-token`);
    expect(traded.status).toBe(303);
    expect(traded.headers.location).toBe('/');
    expect(traded.headers['set-cookie']).toBeUndefined();
    // `/.//evil.example` normalises to `//evil.example`: never a redirect to another site.
    for (const rawPath of ['/.//evil.example/?token=x', '//evil.example/?token=x'])
      expect((await send(running.url, { rawPath })).headers.location).toMatch(/^\/(?![/\\])/);
  });

  it('answers /api/session 204 with the cookie or the token, a bare 401 without, for the page to say why', async () => {
    const running = await start();
    const cookie = (await send(running.stationUrl)).headers['set-cookie']?.[0]?.split(';', 1)[0] ?? '';
    const session = `${running.url}api/session`;
    expect((await send(session, { headers: { Cookie: cookie } })).status).toBe(204);
    expect((await send(`${session}?token=${running.accessToken}`)).status).toBe(204);
    const refused = await send(session);
    expect([refused.status, refused.body.length]).toEqual([401, 0]);
    expect((await send(session, { method: 'POST', headers: { Cookie: cookie } })).status).toBe(405);
  });

  it('serves the pages, the consultant app and /signal without the token', async () => {
    const running = await start();
    for (const path of ['', 'index.html', 'consultant.html', 'assets/consultant.js']) {
      expect((await send(`${running.url}${path}`)).status).toBe(200);
    }
    const signal = `${running.url.replace('http', 'ws')}${SIGNALING_PATH.slice(1)}`;
    expect(await upgradeStatus(signal, { Origin: origin(running) })).toBe(101);
  });

  it('refuses to listen beyond loopback without TLS, before it listens', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      await expect(startServer({ host, port: 0, staticDir, dataDir })).rejects.toThrow(
        new RegExp(
          `--host ${host.replace(/\./g, '\\.')} serves the station beyond this machine: give --cert FILE and --key FILE`,
        ),
      );
    }
  });

  it('beyond loopback with TLS: https, a Secure cookie, the token still required', async () => {
    const tls = testCertificate(base);
    server = await startServer({ host: '0.0.0.0', port: 0, tls, staticDir, dataDir });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.stationUrl).toBe(`${server.url}?token=${server.accessToken}`);
    expect(readFileSync(join(dataDir, STATION_URL_FILE), 'utf8')).toBe(`${server.stationUrl}\n`);
    const traded = await send(server.stationUrl);
    expect(traded.headers['set-cookie']?.[0]).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    const wss = server.url.replace('https', 'wss');
    const options = { rejectUnauthorized: false };
    const own = { Origin: new URL(server.url).origin };
    expect(await upgradeStatus(`${wss}api`, own, options)).toBe(401);
    expect(await upgradeStatus(`${wss}api?token=${server.accessToken}`, own, options)).toBe(101);
  });
});

function cookieNameFrom(response: { headers: { 'set-cookie'?: string[] } }): string {
  return (response.headers['set-cookie']?.[0] ?? '').split('=', 1)[0] ?? '';
}
