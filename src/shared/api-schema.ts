import type { z } from 'zod';
import { API_METHODS, isApiMethod, type ApiMethod } from './api';
import { err, ok, type Result } from './result';

/**
 * Validates a request that crossed a trust boundary (IPC or WebSocket) before the core sees it.
 * Returns the parsed params, with defaults applied, or a `bad-request` / `unknown-method` error
 * that names the offending field.
 */
export function parseRequest(
  method: unknown,
  params: unknown,
): Result<{ method: ApiMethod; params: unknown }> {
  if (!isApiMethod(method)) return err('unknown-method', `unknown method: ${describe(method)}`);
  const parsed = API_METHODS[method].params.safeParse(params ?? {});
  if (!parsed.success) return err('bad-request', `${method}: ${formatIssues(parsed.error)}`);
  return ok({ method, params: parsed.data });
}

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 60));
  return typeof value;
}
