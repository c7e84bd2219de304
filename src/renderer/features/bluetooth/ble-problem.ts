/**
 * A Bluetooth problem as data, not words: the connector and the links run outside React and know
 * no language, so the panel turns a problem into the screen's language (bluetooth-messages.ts).
 * `detail` is the browser's own message (in the browser's language), shown after ours.
 */
export type BleProblemKind =
  | 'unavailable'
  | 'chooser-failed'
  | 'no-gatt'
  | 'no-health-service'
  | 'connect-failed'
  | 'connection-lost'
  | 'submit-failed';

export interface BleProblem {
  readonly kind: BleProblemKind;
  readonly detail: string | null;
}

export function bleProblem(kind: BleProblemKind, cause?: unknown): BleProblem {
  if (cause === undefined) return { kind, detail: null };
  return { kind, detail: messageOf(cause) };
}

function messageOf(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return typeof cause === 'string' ? cause : JSON.stringify(cause);
}
