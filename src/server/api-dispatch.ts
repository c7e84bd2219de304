import { z } from 'zod';
import type { BackendApi } from '../shared/api';
import { parseRequest } from '../shared/api-schema';
import { err, ok, toAppError, type Result } from '../shared/result';

/**
 * One WebSocket text message in, one reply out. Everything a client sends is untrusted: the JSON,
 * the envelope and the params are each checked, and any failure (including a handler throwing)
 * becomes an error reply carrying the request id when one could be read. Nothing here throws.
 */

export type RequestId = string | number | null;

export interface WireReply {
  readonly id: RequestId;
  readonly result: Result<unknown>;
}

const requestIdSchema = z.union([
  z.string().min(1).max(64),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
]);

const requestEnvelopeSchema = z.strictObject({
  id: requestIdSchema,
  method: z.string().max(100),
  params: z.unknown().optional(),
});

export async function dispatchMessage(text: string, api: BackendApi): Promise<WireReply> {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { id: null, result: err('bad-request', 'message is not valid JSON') };
  }
  const envelope = requestEnvelopeSchema.safeParse(message);
  if (!envelope.success) {
    return { id: salvageId(message), result: err('bad-request', 'expected {id, method, params}') };
  }
  const { id, method, params } = envelope.data;
  return { id, result: await dispatchRequest(method, params, api) };
}

/** One request, from any transport (a socket message, an HTTP upload): checked, then run. */
export async function dispatchRequest(
  method: unknown,
  params: unknown,
  api: BackendApi,
): Promise<Result<unknown>> {
  const request = parseRequest(method, params);
  if (!request.ok) return request;
  try {
    const handler = api[request.value.method] as (params: unknown) => Promise<unknown>;
    return ok(await handler(request.value.params));
  } catch (cause) {
    return { ok: false, error: toAppError(cause) };
  }
}

/** Lets a client match an error to its request even when the rest of the envelope is wrong. */
function salvageId(message: unknown): RequestId {
  if (message === null || typeof message !== 'object') return null;
  const parsed = requestIdSchema.safeParse((message as { id?: unknown }).id);
  return parsed.success ? parsed.data : null;
}
