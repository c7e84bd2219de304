import {
  CHECK_CATEGORIES,
  CHECK_STATUSES,
  checkReportSchema,
  type CheckItem,
  type CheckReport,
  type CheckStatus,
} from '../../../shared/domain/equipment-check';
import type { AppInfo } from '../../../shared/api';

/** Items in the screen's order: by category, then as they arrived. A newer item replaces one with the same id. */
export function mergeItems<T extends { item: CheckItem }>(current: readonly T[], added: readonly T[]): T[] {
  const byId = new Map(current.map((entry) => [entry.item.id, entry]));
  for (const entry of added) byId.set(entry.item.id, entry);
  const all = [...byId.values()];
  return CHECK_CATEGORIES.flatMap((category) => all.filter((entry) => entry.item.category === category));
}

export function countByStatus(items: readonly CheckItem[]): Record<CheckStatus, number> {
  const counts = Object.fromEntries(CHECK_STATUSES.map((status) => [status, 0])) as Record<
    CheckStatus,
    number
  >;
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** The exported report: the items as shown, and where and with what it ran in `source`. */
export function buildReport(options: {
  readonly items: readonly CheckItem[];
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly appInfo: AppInfo | null;
}): CheckReport {
  const info = options.appInfo;
  const source =
    info === null ? 'station window' : `station window · ${info.name} ${info.version} · ${info.host} host`;
  return checkReportSchema.parse({
    startedAt: new Date(options.startedAt).toISOString(),
    finishedAt: new Date(options.finishedAt).toISOString(),
    source: source.slice(0, 100),
    items: options.items.slice(0, 200),
  });
}

/** `equipment-check-2026-11-25T19-40.json`: sortable, no characters a file system refuses. */
export function reportFileName(startedAt: number): string {
  return `equipment-check-${new Date(startedAt).toISOString().slice(0, 16).replace(/:/g, '-')}.json`;
}

export function downloadJson(report: CheckReport, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
