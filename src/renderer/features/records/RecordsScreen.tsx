import type { StationSession } from '../../app/station-session';

/** Placeholder until the records screen lands. */
export function RecordsScreen(_props: { session: StationSession }) {
  return <main className="screen-placeholder" />;
}
