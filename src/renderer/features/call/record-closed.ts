import { BackendCallError } from '../../backend-client/backend-client';

/**
 * Whether the record refused a write because its consultation is over (sealed, or no longer the
 * active one): the backend puts the code first in the message (record-seal.ts, `<code>: …`). The
 * screens word this themselves rather than show the backend's text.
 */
export function isRecordClosed(cause: unknown): boolean {
  return (
    cause instanceof BackendCallError && /^(record-sealed|consultation-not-active): /.test(cause.message)
  );
}
