/**
 * The envelope every call crosses a process or network boundary in. Electron serialises only an
 * error's `message` through `ipcMain.handle`, so errors travel as plain data with a code callers
 * can branch on.
 */
export const ERROR_CODES = [
  'bad-request',
  'unknown-method',
  'not-found',
  'forbidden',
  'unavailable',
  'timeout',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** Thrown inside the backend when a request must fail with a specific code. */
export class AppErrorException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppErrorException';
  }
}

/** Maps anything thrown by a handler to the envelope without leaking stack traces. */
export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppErrorException) return { code: cause.code, message: cause.message };
  const message = cause instanceof Error ? cause.message : String(cause);
  return { code: 'internal', message };
}
