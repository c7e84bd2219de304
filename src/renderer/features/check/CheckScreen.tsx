import type { StationSession } from '../../app/station-session';

/** Placeholder until the check screen lands. */
export function CheckScreen(_props: { session: StationSession }) {
  return <main className="screen-placeholder" />;
}
