import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  installAppProtocol,
  registerAppScheme,
  resolveAssetPath,
} from '../../src/main/app-protocol';
import { contentSecurityPolicy, rendezvousSources } from '../../src/main/content-security-policy';
import { recordingLog } from '../helpers/fake-electron';

describe('app:// protocol', () => {
  let sandbox: string;
  let root: string;
  const get = (url: string, method = 'GET') =>
    createAppProtocolHandler({ root, log: recordingLog() })({ url, method });

  beforeAll(() => {
    sandbox = mkdtempSync(path.join(tmpdir(), 'station-protocol-'));
    root = path.join(sandbox, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>station</title>');
    writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
    writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
    writeFileSync(path.join(root, 'assets', 'font.woff2'), 'x');
    writeFileSync(path.join(root, 'assets', 'blob.bin'), 'x');
    writeFileSync(path.join(sandbox, 'secret.txt'), 'patient records');
    symlinkSync(path.join(sandbox, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  });
  afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

  it('registers app:// as standard, secure and fetch-capable, and nothing more', () => {
    const protocol = { registerSchemesAsPrivileged: jest.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('installs the handler on the session protocol for the app scheme', () => {
    const protocol = { handle: jest.fn() };
    const handler = createAppProtocolHandler({ root, log: recordingLog() });
    installAppProtocol(protocol, handler);
    expect(protocol.handle).toHaveBeenCalledWith('app', handler);
  });

  it('serves index.html for / and files with their MIME types', async () => {
    const cases: [string, string][] = [
      ['app://station/', 'text/html; charset=utf-8'],
      ['app://station/index.html', 'text/html; charset=utf-8'],
      ['app://station/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://station/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['app://station/assets/logo.svg', 'image/svg+xml'],
      ['app://station/assets/font.woff2', 'font/woff2'],
      ['app://station/assets/blob.bin', 'application/octet-stream'],
    ];
    for (const [url, type] of cases) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
    }
    expect(await (await get('app://station/index.html')).text()).toContain('<title>station</title>');
  });

  it('sends the CSP and security headers on every response, errors included', async () => {
    for (const url of [
      'app://station/index.html',
      'app://station/missing.js',
      'app://station/%2F..%2Fsecret.txt',
    ]) {
      const response = await get(url);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|data:\s*[^;]*script/);
      // The only wildcards are loopback signaling ports; never a wildcard host or scheme.
      const wildcards = csp.split(/[ ;]+/).filter((source) => source.includes('*'));
      for (const source of wildcards) expect(source).toMatch(/^ws:\/\/(127\.0\.0\.1|localhost|\[::1\]):\*$/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it.each([
    'app://station/../../etc/passwd',
    'app://station/%2e%2e/%2e%2e/etc/passwd',
    'app://station/..%2f..%2fsecret.txt',
    'app://station/%2F..%2F..%2Fsecret.txt',
    'app://station/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://station/..%5c..%5csecret.txt',
    'app://station/%00index.html',
    'app://station/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('never serves anything outside the bundle: %s', async (url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toMatch(/patient records|root:/);
  });

  it('refuses a symbolic link that leads out of the bundle', async () => {
    const log = recordingLog();
    const response = await createAppProtocolHandler({ root, log })({
      url: 'app://station/assets/link.txt',
      method: 'GET',
    });
    expect(response.status).toBe(403);
    expect(log.warnings.join()).toMatch(/outside the bundle/);
  });

  it('answers 404 for missing files and directories, 405 for other methods, HEAD without a body', async () => {
    expect((await get('app://station/nope.js')).status).toBe(404);
    expect((await get('app://station/assets')).status).toBe(404);
    const post = await get('app://station/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await get('app://station/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolves paths only inside the root', () => {
    expect(resolveAssetPath(root, 'app://station/assets/index-abc.js')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAssetPath(root, 'app://station/%2F..%2Fsecret.txt')).toBeNull();
  });

  it('refuses a relative root', () => {
    expect(() => createAppProtocolHandler({ root: 'dist/renderer', log: recordingLog() })).toThrow(TypeError);
  });

  it('adds the configured rendezvous server to connect-src, and only a clean ws/wss origin', async () => {
    expect(rendezvousSources('wss://rdv.example.org:8443/signal')).toEqual([
      'wss://rdv.example.org:8443',
      'https://rdv.example.org:8443',
    ]);
    expect(rendezvousSources('')).toEqual([]);
    expect(rendezvousSources('https://x.example')).toEqual([]);
    expect(rendezvousSources('not a url')).toEqual([]);
    const handler = createAppProtocolHandler({
      root,
      log: recordingLog(),
      connectSources: () => rendezvousSources('wss://rdv.example.org/'),
    });
    const csp = (await handler({ url: 'app://station/', method: 'GET' })).headers.get(
      'content-security-policy',
    );
    expect(csp).toContain("connect-src 'self' wss://rdv.example.org https://rdv.example.org;");
    // No loopback wildcard: the embedded rendezvous server is named by its exact port (main.test).
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    expect(rendezvousSources('ws://127.0.0.1:43123/signal')).toEqual([
      'ws://127.0.0.1:43123',
      'http://127.0.0.1:43123',
    ]);
  });
});
