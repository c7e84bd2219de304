import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAttachmentUpload } from '../../src/server/attachment-upload';
import { startServer, type RunningServer } from '../../src/server/start';
import { MAX_MEDIA_BYTES } from '../../src/shared/domain/consultation';
import { sineWav, solidPng } from '../helpers/consultation-fixture';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { FakeCoreBackend } from '../helpers/fake-backend';
import { send, type PlainResponse } from './host-access-kit';

/**
 * Attachments travel as an authenticated, streamed HTTP upload (issue 13, item 2): never a giant
 * socket frame. The real host, its real records: a stethoscope WAV bigger than any socket message
 * reaches the record; the caps and the budget answer before the body is read.
 */
describe('attachment upload on the Node host', () => {
  let base: string;
  let server: RunningServer;
  let consultationId: string;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'station-upload-'));
    server = await startServer({ port: 0, staticDir: base, dataDir: join(base, 'data') });
    consultationId = (await server.backend.api['consultation.start'](CONSULTATION_START)).id;
  });
  afterAll(async () => {
    await server.close();
    rmSync(base, { recursive: true, force: true });
  });

  const origin = (): string => new URL(server.url).origin;
  const uploadUrl = (fields: Record<string, string>, token: string | null = server.accessToken): string => {
    const url = new URL('/api/attachments', server.url);
    for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
    if (token !== null) url.searchParams.set('token', token);
    return url.href;
  };
  const wavFields = (): Record<string, string> => ({
    id: consultationId,
    kind: 'stethoscope',
    mime: 'audio/wav',
    takenAt: '2026-12-05T10:00:00.000Z',
  });
  const post = (
    url: string,
    body: Uint8Array,
    headers: Record<string, string> = {},
  ): Promise<PlainResponse> => send(url, { method: 'POST', body, headers: { Origin: origin(), ...headers } });
  const json = (response: PlainResponse): unknown => JSON.parse(response.body.toString('utf8'));

  it('stores a 10 s stethoscope WAV (960 kB, over any socket message) through consultation.attach', async () => {
    const wav = sineWav(48_000, 10, 440);
    expect(wav.length).toBeGreaterThan(256 * 1024);
    const response = await post(uploadUrl(wavFields()), wav);
    expect(response.status).toBe(200);
    const result = json(response) as { ok: true; value: { mediaId: string } };
    expect(result).toMatchObject({
      ok: true,
      value: { mediaId: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown },
    });
    const stored = await server.backend.api['consultation.media']({
      id: consultationId,
      mediaId: result.value.mediaId,
    });
    expect(Buffer.from(stored.dataBase64, 'base64').equals(Buffer.from(wav))).toBe(true);
  });

  it('takes the page’s cookie as well as the token, and refuses anyone else with a bare 401 or 403', async () => {
    const png = solidPng(8, 8, [1, 2, 3]);
    const fields = { ...wavFields(), kind: 'snapshot', mime: 'image/png' };
    const noToken = await post(uploadUrl(fields, null), png);
    expect([noToken.status, noToken.body.toString()]).toEqual([401, 'Unauthorized']);
    expect((await post(uploadUrl(fields, 'wrong'), png)).status).toBe(401);
    const foreign = await post(uploadUrl(fields), png, { Origin: 'http://evil.example' });
    expect([foreign.status, foreign.body.toString()]).toEqual([403, 'Forbidden']);

    const cookie = ((await send(server.stationUrl)).headers['set-cookie']?.[0] ?? '').split(';', 1)[0] ?? '';
    const withCookie = await post(uploadUrl(fields, null), png, { Cookie: cookie });
    expect(withCookie.status).toBe(200);
  });

  it('checks the upload as consultation.attach checks it: a WAV declared as a PNG is refused', async () => {
    const response = await post(uploadUrl({ ...wavFields(), mime: 'image/png' }), sineWav(8000, 0.1, 200));
    expect(response.status).toBe(400);
    expect(json(response)).toEqual({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/audio\/wav, not image\/png/) as unknown },
    });
    const noId = await post(uploadUrl({ ...wavFields(), id: '' }), sineWav(8000, 0.1, 200));
    expect(json(noId)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses a file over the per-file cap from its Content-Length, before reading it', async () => {
    const { status, body } = await headersOnly(uploadUrl(wavFields()), MAX_MEDIA_BYTES + 1, origin());
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('keeps the uploads in flight under a total budget: one more is told to retry, and fits once one ends', async () => {
    // Two of the largest files, each half-sent and stalled, hold the whole budget (2 × 12 MiB).
    const stalled = [
      stall(uploadUrl(wavFields()), MAX_MEDIA_BYTES, origin()),
      stall(uploadUrl(wavFields()), MAX_MEDIA_BYTES, origin()),
    ];
    await Promise.all(stalled.map((s) => s.sent));
    const small = sineWav(8000, 0.1, 200);
    const refused = await post(uploadUrl(wavFields()), small);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(json(refused)).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    stalled[0].abort();
    let status = 503;
    while (status === 503) status = (await post(uploadUrl(wavFields()), small)).status; // until the abort is seen
    expect(status).toBe(200);
    stalled[1].abort();
  });
});

describe('attachment upload deadline', () => {
  let http: Server;
  afterEach(() => new Promise<void>((resolve) => http.close(() => resolve())));

  it('answers 408 to an upload that stops half-way, and frees its share of the budget', async () => {
    const upload = createAttachmentUpload({
      api: new FakeCoreBackend().api,
      authorize: () => true,
      timeoutMs: 300,
    });
    http = createServer((request, response) => {
      if (!upload.handle(request, response)) response.end();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const stalled = stall(`${origin}/api/attachments?id=x`, 1000, origin);
    await stalled.sent;
    expect(upload.inFlightBytes).toBe(1000);
    expect(await stalled.status).toBe(408);
    expect(upload.inFlightBytes).toBe(0);
  });
});

/** A POST that sends its headers and half of its body, then waits. */
function stall(
  url: string,
  length: number,
  origin: string,
): { sent: Promise<void>; status: Promise<number>; abort(): void } {
  const request: ClientRequest = httpRequest(url, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Length': String(length) },
  });
  request.on('error', () => undefined);
  const status = new Promise<number>((resolve) => {
    request.once('response', (response) => resolve(response.statusCode ?? 0));
    request.once('close', () => resolve(0));
  });
  const sent = new Promise<void>((resolve) =>
    request.write(Buffer.alloc(Math.floor(length / 2)), () => resolve()),
  );
  return {
    sent: sent.then(() => new Promise((resolve) => setTimeout(resolve, 50))),
    status,
    abort: () => request.destroy(),
  };
}

/** A POST that declares its length and sends nothing: the answer must come from the headers alone. */
function headersOnly(url: string, length: number, origin: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Length': String(length) },
    });
    request.on('error', reject);
    request.once('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.flushHeaders();
  });
}
