import type { CheckCategory, CheckItem, CheckStatus } from '../../shared/domain/equipment-check';

/**
 * Builds one report item. `measured.code` names the outcome in a stable, language-free way, so
 * the station screen can show the item in French or English whatever language the Node side
 * wrote it in (the CLI and the exported JSON keep the English text).
 */
export function checkItem(fields: {
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
