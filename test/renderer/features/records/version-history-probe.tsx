import { useAmendedLine } from '../../../../src/renderer/features/records/VersionHistory';
import type { ConsultationDetail } from '../../../../src/shared/domain/consultation';

/** Shows what the record's report heading says about amendments, for the tests to read. */
export function RecordDetailReportProbe({ detail }: { detail: ConsultationDetail }) {
  return <p data-testid="amended">{useAmendedLine(detail)}</p>;
}
