import type { CheckItem, CheckReport } from '../../shared/domain/equipment-check';
import { checkReportSchema } from '../../shared/domain/equipment-check';
import { checkItem } from '../../shared/domain/equipment-check';

/**
 * The check engine shared by `check.run` and `station check`: runs the sections side by side (the
 * network ones wait on the wire, not the CPU), turns a section that throws into a failed item
 * instead of losing the whole report, and validates the report against the shared schema.
 */
export interface CheckSection {
  /** Used for the item that stands in for a section that crashed. */
  readonly name: string;
  readonly category: CheckItem['category'];
  run(): Promise<CheckItem[]>;
}

export async function runCheck(
  source: string,
  sections: readonly CheckSection[],
  now: () => number = Date.now,
): Promise<CheckReport> {
  const startedAt = new Date(now()).toISOString();
  const results = await Promise.all(
    sections.map((section) =>
      section.run().catch((cause: unknown) => [
        checkItem({
          id: `${section.category}.${section.name}`,
          category: section.category,
          status: 'fail',
          code: 'check-crashed',
          title: `${section.name} check`,
          detail: `The check itself failed: ${cause instanceof Error ? cause.message : String(cause)}.`,
          fix: 'Run the check again; if it keeps failing, send this report to support.',
        }),
      ]),
    ),
  );
  return checkReportSchema.parse({
    startedAt,
    finishedAt: new Date(now()).toISOString(),
    source,
    items: results.flat().slice(0, 200),
  });
}
