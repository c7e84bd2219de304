import type { CheckCategory, CheckItem, CheckStatus } from '../../../shared/domain/equipment-check';

/** One item measured in this browser, in the screen's language; `code` stays language-free. */
export function browserItem(fields: {
  id: string;
  category: CheckCategory;
  status: CheckStatus;
  code: string;
  title: string;
  detail: string;
  fix?: string;
  measured?: Record<string, number | string | boolean>;
}): CheckItem {
  return {
    id: fields.id.slice(0, 200),
    category: fields.category,
    status: fields.status,
    title: fields.title.slice(0, 200),
    detail: fields.detail.slice(0, 1000),
    fix: (fields.fix ?? '').slice(0, 1000),
    measured: { code: fields.code, ...fields.measured },
  };
}

/** Why a media call failed, short: `NotReadableError`, `NotAllowedError`… */
export function reasonOf(cause: unknown): string {
  if (cause instanceof DOMException || cause instanceof Error) return cause.name || cause.message;
  return String(cause);
}
