import type { StationSession } from '../../app/station-session';

/** Placeholder until the settings screen lands. */
export function SettingsScreen(_props: { session: StationSession }) {
  return <main className="screen-placeholder" />;
}
