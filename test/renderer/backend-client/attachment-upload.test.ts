import { httpAttachmentUploader } from '../../../src/renderer/backend-client/attachment-upload';
import { BackendCallError } from '../../../src/renderer/backend-client/backend-client';
import { WsBackendClient } from '../../../src/renderer/backend-client/ws-client';
import { FakeSocket } from './fake-socket';

/** The web client sends attachments as an HTTP upload beside its socket, never as a socket message. */
const PARAMS = {
  id: 'c0ffee00c0ffee00c0ffee00c0ffee00',
  kind: 'stethoscope',
  mime: 'audio/wav',
  dataBase64: 'UklGRgQAAABXQVZF', // "RIFF" … "WAVE"
  takenAt: '2026-12-05T10:00:00.000Z',
} as const;

function recordingFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (url: string, init?: RequestInit): Promise<Response> => {
    calls.push({ url, init: init ?? {} });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return Promise.resolve({
      status,
      json: () => new Promise((resolve) => resolve(JSON.parse(text) as unknown)),
    } as Response);
  };
  return { calls, fetchImpl };
}

describe('httpAttachmentUploader', () => {
  it('POSTs the raw bytes to /api/attachments beside the socket, the fields in the query', async () => {
    const { calls, fetchImpl } = recordingFetch(200, { ok: true, value: { mediaId: 'a'.repeat(32) } });
    const upload = httpAttachmentUploader('wss://station.lan:8443/api', fetchImpl);
    await expect(upload({ ...PARAMS, label: 'Cœur, foyer mitral' })).resolves.toEqual({
      ok: true,
      value: { mediaId: 'a'.repeat(32) },
    });
    const url = new URL(calls[0].url);
    expect(url.origin + url.pathname).toBe('https://station.lan:8443/api/attachments');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      id: PARAMS.id,
      kind: 'stethoscope',
      mime: 'audio/wav',
      takenAt: PARAMS.takenAt,
      label: 'Cœur, foyer mitral',
    });
    expect(calls[0].init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(Array.from(calls[0].init.body as Uint8Array)).toEqual(
      Array.from(Buffer.from(PARAMS.dataBase64, 'base64')),
    );
  });

  it('passes the host’s error Result on, and names a bare refusal forbidden', async () => {
    const refused = { ok: false, error: { code: 'bad-request', message: 'consultation.attach: not a WAV' } };
    expect(
      await httpAttachmentUploader('ws://h/api', recordingFetch(400, refused).fetchImpl)(PARAMS),
    ).toEqual(refused);
    expect(
      await httpAttachmentUploader('ws://h/api', recordingFetch(401, 'Unauthorized').fetchImpl)(PARAMS),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const offline = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
    expect(await httpAttachmentUploader('ws://h/api', offline)(PARAMS)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});

describe('WsBackendClient attachments', () => {
  it('sends consultation.attach through the uploader, never on the socket, and checks its reply', async () => {
    const sockets: FakeSocket[] = [];
    const uploads: unknown[] = [];
    const client = new WsBackendClient('ws://station/api', {
      socketFactory: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      uploadAttachment: (params) => {
        uploads.push(params);
        return Promise.resolve(
          uploads.length === 1
            ? { ok: true, value: { mediaId: 'b'.repeat(32) } }
            : { ok: false, error: { code: 'bad-request', message: 'too big' } },
        );
      },
    });
    sockets[0].open();
    await expect(client.call('consultation.attach', PARAMS)).resolves.toEqual({ mediaId: 'b'.repeat(32) });
    await expect(client.call('consultation.attach', PARAMS)).rejects.toEqual(
      new BackendCallError('bad-request', 'too big'),
    );
    expect(uploads).toEqual([PARAMS, PARAMS]);
    expect(sockets[0].sent).toEqual([]);
    client.close();
  });
});
