import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  PSC_CALLBACK_PATH,
  PSC_CARRY_PATH,
  PSC_FRAGMENT,
  PSC_SESSION_PATH,
  PSC_START_PATH,
  type PscSession,
} from '../../shared/domain/consultant-identity';
import { securityHeaders } from '../signaling/security-headers';
import { CONSULTANT_PAGE } from '../signaling/call-service';
import type { PscService } from './psc-service';

/**
 * The doctor's page's doors to a Pro Santé Connect sign-in, on the rendezvous's own origin:
 *
 * - `POST /psc/session` `{ invite }` → `{ required, identity }` (is a sign-in needed, done?);
 * - `POST /psc/start` `{ invite }` → `{ url }`: the provider's authorization URL to go to;
 * - `POST /psc/carry` `{ invite, to }` → `{ identity }`: the page's sign-in carried to another link
 *   it was handed (psc-service.ts `carry`);
 * - `GET /psc/callback?code&state` (the provider sends the doctor here) → 303 to
 *   `/consultant.html#psc=ok` or `#psc=<refusal code>`. A redirect leaves no history entry, so the
 *   code never stays in the doctor's history; the invite never leaves the page in a URL.
 *
 * Without an issuer configured (`service` null) only `/psc/session` is answered, `{ required:
 * false }`: the page asks before every join, and a rendezvous that said 404 or 405 instead would
 * leave an error in the doctor's browser console for a normal answer. Its body is checked all the
 * same, so the two rendezvous answer bad requests alike.
 *
 * The invite goes in a JSON body (never a URL: logs, Referer), and only `application/json` is
 * read, so another site's plain form cannot post here. Bodies are capped, answers never cached.
 * Nothing here logs: no token, code or identity reaches a log line.
 */
export type PscEndpoints = (request: IncomingMessage, response: ServerResponse) => boolean;

const MAX_BODY_BYTES = 4096;
const token = z.string().min(1).max(2048);
const inviteBodySchema = z.strictObject({ invite: token });
const carryBodySchema = z.strictObject({ invite: token, to: token });

const SIGN_IN_OFF: PscSession = { required: false };

export function createPscEndpoints(service: PscService | null): PscEndpoints {
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://rendezvous.invalid');
    if (service === null) {
      if (url.pathname !== PSC_SESSION_PATH) return false;
      void answer(request, response, inviteBodySchema, () => Promise.resolve([200, SIGN_IN_OFF]));
      return true;
    }
    switch (url.pathname) {
      case PSC_SESSION_PATH:
        void answer(request, response, inviteBodySchema, ({ invite }) => {
          const session = service.session(invite);
          return Promise.resolve(typeof session === 'string' ? [400, { code: session }] : [200, session]);
        });
        return true;
      case PSC_START_PATH:
        void answer(request, response, inviteBodySchema, async ({ invite }) => {
          const started = await service.start(invite);
          if ('url' in started) return [200, started];
          return [started.code === 'psc-bad-invite' ? 400 : 503, started];
        });
        return true;
      case PSC_CARRY_PATH:
        void answer(request, response, carryBodySchema, ({ invite, to }) => {
          const carried = service.carry(invite, to);
          if (typeof carried !== 'string') return Promise.resolve([200, { identity: carried }]);
          return Promise.resolve([carried === 'psc-busy' ? 503 : 400, { code: carried }]);
        });
        return true;
      case PSC_CALLBACK_PATH:
        if (request.method !== 'GET') {
          send(request, response, 405, { code: 'method-not-allowed' });
          return true;
        }
        void service.callback(url).then(
          (outcome) => redirect(request, response, outcome),
          () => redirect(request, response, 'psc-refused'),
        );
        return true;
      default:
        return false;
    }
  };
}

async function answer<Body>(
  request: IncomingMessage,
  response: ServerResponse,
  schema: z.ZodType<Body>,
  handle: (body: Body) => Promise<readonly [number, unknown]>,
): Promise<void> {
  try {
    if (request.method !== 'POST') return send(request, response, 405, { code: 'method-not-allowed' });
    if (!/^application\/json(;|$)/.test(request.headers['content-type'] ?? ''))
      return send(request, response, 415, { code: 'bad-request' });
    const body = await readBody(request);
    if (body === null) {
      response.setHeader('Connection', 'close');
      return send(request, response, 413, { code: 'bad-request' });
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return send(request, response, 400, { code: 'bad-request' });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return send(request, response, 400, { code: 'bad-request' });
    const [status, result] = await handle(parsed.data);
    send(request, response, status, result);
  } catch {
    if (!response.headersSent) send(request, response, 500, { code: 'psc-refused' });
    else response.destroy();
  }
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      // Read on and drop the rest, so the refusal reaches the client; the socket closes after it.
      request.off('data', onData);
      request.resume();
      done(null);
    };
    request.on('data', onData);
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

function send(request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    ...securityHeaders(request.headers.host),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function redirect(request: IncomingMessage, response: ServerResponse, outcome: string): void {
  response.writeHead(303, {
    ...securityHeaders(request.headers.host),
    Location: `/${CONSULTANT_PAGE}#${PSC_FRAGMENT}=${encodeURIComponent(outcome)}`,
    'Cache-Control': 'no-store',
    'Content-Length': '0',
  });
  response.end();
}
