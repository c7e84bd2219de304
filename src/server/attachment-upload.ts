import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BackendApi } from '../shared/api';
import { MAX_MEDIA_BYTES } from '../shared/domain/consultation';
import { err, type ErrorCode, type Result } from '../shared/result';
import { isAllowedOrigin, type OriginPolicy } from '../core/signaling/origin-policy';
import { dispatchRequest } from './api-dispatch';

/**
 * Attachments (a camera still, a stethoscope WAV) reach the record as an HTTP upload, streamed
 * and bounded, instead of one giant socket message: `POST /api/attachments?id=…&kind=…&mime=…
 * &takenAt=…[&label=…]` with the file's bytes as the body. The same access rule as the API socket
 * (token or cookie, then Origin), a per-file cap checked before a byte is read (Content-Length),
 * a budget for all uploads in flight together, a deadline for each, and then the very request
 * `consultation.attach` takes over the socket: the same schema, the same media checks.
 */
export const ATTACHMENT_PATH = '/api/attachments';

export interface AttachmentUploadOptions {
  readonly api: BackendApi;
  readonly authorize: (request: IncomingMessage) => boolean;
  readonly originPolicy?: OriginPolicy;
  readonly maxFileBytes?: number;
  /** Bytes all uploads under way may reserve together; one more is told to come back (503). */
  readonly maxInFlightBytes?: number;
  /** From the request's arrival to its last byte. */
  readonly timeoutMs?: number;
}

export interface AttachmentUpload {
  /** Handles the request when it is for ATTACHMENT_PATH; returns false (nothing sent) otherwise. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Bytes reserved by uploads under way. */
  readonly inFlightBytes: number;
}

/** Two of the largest attachments at once: a snapshot and a recording saved together. */
export const DEFAULT_IN_FLIGHT_BYTES = 2 * MAX_MEDIA_BYTES;
const DEFAULT_TIMEOUT_MS = 60_000;
const PARAMS = ['id', 'kind', 'mime', 'takenAt', 'label'] as const;

export function createAttachmentUpload(options: AttachmentUploadOptions): AttachmentUpload {
  const maxFileBytes = options.maxFileBytes ?? MAX_MEDIA_BYTES;
  const budget = options.maxInFlightBytes ?? DEFAULT_IN_FLIGHT_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let inFlight = 0;

  const receive = (request: IncomingMessage, response: ServerResponse, url: URL): void => {
    const declared = contentLength(request);
    if (declared === null) {
      refuse(response, 411, err('bad-request', 'the upload needs a Content-Length'));
      return;
    }
    if (declared > maxFileBytes) {
      refuse(response, 413, err('bad-request', `the attachment is larger than ${maxFileBytes} bytes`));
      return;
    }
    if (inFlight + declared > budget) {
      response.setHeader('Retry-After', '1');
      refuse(response, 503, err('unavailable', 'other uploads are under way: try again'));
      return;
    }
    inFlight += declared;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      inFlight -= declared;
      clearTimeout(deadline);
    };
    const deadline = setTimeout(() => {
      release();
      refuse(response, 408, err('timeout', `the upload did not arrive within ${timeoutMs} ms`));
    }, timeoutMs);
    const chunks: Buffer[] = [];
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > declared) {
        release();
        refuse(response, 400, err('bad-request', 'the body is longer than its Content-Length'));
        return;
      }
      chunks.push(chunk);
    });
    // Held until the reply is sent or the client is gone: the bytes live that long.
    response.on('close', release);
    request.on('end', () => {
      if (released) return;
      const params: Record<string, string> = {};
      for (const name of PARAMS) {
        const value = url.searchParams.get(name);
        if (value !== null) params[name] = value;
      }
      const dataBase64 = Buffer.concat(chunks, received).toString('base64');
      chunks.length = 0;
      void dispatchRequest('consultation.attach', { ...params, dataBase64 }, options.api).then((result) => {
        release();
        reply(response, result.ok ? 200 : statusOf(result.error.code), result);
      });
    });
  };

  return {
    handle(request, response) {
      const url = parseUrl(request.url);
      if (url?.pathname !== ATTACHMENT_PATH) return false;
      if (request.method !== 'POST') {
        response.setHeader('Allow', 'POST');
        refuse(response, 405, err('bad-request', 'attachments are POSTed'));
      } else if (!options.authorize(request)) {
        refusePlain(response, 401, 'Unauthorized');
      } else if (!isAllowedOrigin(request.headers.origin, request.headers.host, options.originPolicy)) {
        refusePlain(response, 403, 'Forbidden');
      } else {
        receive(request, response, url);
      }
      return true;
    },
    get inFlightBytes() {
      return inFlight;
    },
  };
}

function parseUrl(requestUrl: string | undefined): URL | null {
  if (requestUrl === undefined || !requestUrl.startsWith('/')) return null;
  try {
    return new URL(requestUrl, 'http://station.invalid');
  } catch {
    return null;
  }
}

function contentLength(request: IncomingMessage): number | null {
  const header = request.headers['content-length'];
  if (header === undefined || !/^\d{1,15}$/.test(header)) return null;
  return Number(header);
}

function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'bad-request':
    case 'unknown-method':
      return 400;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'unavailable':
      return 503;
    case 'timeout':
      return 504;
    case 'internal':
      return 500;
  }
}

function reply(response: ServerResponse, status: number, result: Result<unknown>): void {
  if (response.headersSent || response.destroyed) return;
  const body = JSON.stringify(result);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

/** Answers before the body is read, and closes the connection: the rest of the body is not wanted. */
function refuse(response: ServerResponse, status: number, result: Result<unknown>): void {
  if (response.headersSent || response.destroyed) return;
  response.setHeader('Connection', 'close');
  reply(response, status, result);
  response.once('finish', () => response.req.destroy());
}

/** Access refusals say nothing beyond the status. */
function refusePlain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    Connection: 'close',
  });
  response.end(text);
  response.once('finish', () => response.req.destroy());
}
