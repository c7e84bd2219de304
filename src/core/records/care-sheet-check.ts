import { careSheetProblems, localDateOf } from '../../shared/domain/care-sheet-rules';
import type { CareSheet, ConsultationDetail, Report } from '../../shared/domain/consultation';
import { AppErrorException } from '../../shared/result';

/**
 * The station's own check of a care sheet before it is saved (care-sheet-rules.ts): dated as the
 * consultation (its start's local date in the station's time zone), signed by the report's author
 * (the report saved with it, else the latest) unless a reason is given, with the accompanying act
 * the professional's role bills. Refused as `bad-request` whose message starts with the record
 * refusal code (`care-sheet-date: …`), which the doctor's page words.
 */
export function checkCareSheet(
  careSheet: CareSheet,
  detail: Pick<ConsultationDetail, 'summary' | 'report'>,
  report: Report | undefined,
  timeZone?: string,
): void {
  // A sealed record refuses every care sheet with its own code (record-seal.ts): that comes first.
  if (detail.summary.status !== 'active') return;
  const author = (report ?? detail.report)?.author ?? null;
  const consultationDate = localDateOf(detail.summary.startedAt, timeZone);
  const [problem] = careSheetProblems(careSheet, {
    consultationDate,
    accompanyingRole: detail.summary.accompanying?.role ?? null,
    author,
  });
  if (problem === undefined) return;
  const why: Record<typeof problem, string> = {
    'care-sheet-date': `the act is dated ${careSheet.date}, the consultation took place on ${consultationDate}`,
    'care-sheet-doctor': 'the care sheet names another doctor than the report’s author, without a reason',
    'care-sheet-accompanying-act': `act ${careSheet.accompanyingAct ?? 'none'} does not follow the accompanying professional's role (${detail.summary.accompanying?.role ?? 'nobody'})`,
  };
  throw new AppErrorException('bad-request', `${problem}: ${why[problem]}`);
}
