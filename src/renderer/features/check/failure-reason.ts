/** Why a media call failed, short: `NotReadableError`, `NotAllowedError`… */
export function reasonOf(cause: unknown): string {
  if (cause instanceof DOMException || cause instanceof Error) return cause.name || cause.message;
  return String(cause);
}
