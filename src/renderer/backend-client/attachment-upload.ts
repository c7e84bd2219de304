import { z } from 'zod';
import type { ApiParams } from '../../shared/api';
import { ERROR_CODES, type Result } from '../../shared/result';

/**
 * How the page in a browser sends an attachment (a still, a stethoscope WAV) to the Node host: the
 * raw bytes as an HTTP upload beside the API socket, never as one giant socket message (the socket
 * takes small messages only). The access cookie rides along (same origin); the host answers with
 * the same Result envelope a socket reply carries. Electron keeps its IPC call.
 */
export type AttachmentUploader = (params: ApiParams<'consultation.attach'>) => Promise<Result<unknown>>;

/** The upload path beside the socket's `/api`. */
export const ATTACHMENT_UPLOAD_PATH = '/api/attachments';

const resultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);

/** `ws://host:port/api` → an uploader to `http://host:port/api/attachments`. */
export function httpAttachmentUploader(
  apiSocketUrl: string,
  fetchImpl: (url: string, init: RequestInit) => Promise<Response> = (url, init) => fetch(url, init),
): AttachmentUploader {
  const base = new URL(ATTACHMENT_UPLOAD_PATH, apiSocketUrl.replace(/^ws/, 'http'));
  return async ({ dataBase64, ...fields }) => {
    const url = new URL(base);
    for (const [name, value] of Object.entries(fields))
      if (value !== undefined) url.searchParams.set(name, String(value));
    let response: Response;
    try {
      response = await fetchImpl(url.href, {
        method: 'POST',
        body: base64ToBytes(dataBase64),
        headers: { 'Content-Type': 'application/octet-stream' },
        credentials: 'same-origin',
      });
    } catch {
      return {
        ok: false,
        error: { code: 'unavailable', message: 'the attachment upload did not reach the station' },
      };
    }
    const parsed = resultSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) return parsed.data;
    return {
      ok: false,
      error: {
        code: response.status === 401 || response.status === 403 ? 'forbidden' : 'unavailable',
        message: `the station refused the attachment upload (HTTP ${response.status})`,
      },
    };
  };
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
