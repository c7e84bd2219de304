import type { StationSession } from '../../app/station-session';

/** Placeholder until the consultation screen lands. */
export function ConsultationScreen(_props: { session: StationSession }) {
  return <main className="screen-placeholder" />;
}
