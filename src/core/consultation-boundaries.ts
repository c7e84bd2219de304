import type { BackendApi } from '../shared/api';
import type { Reading } from '../shared/domain/readings';

type BoundaryMethod = 'consultation.start' | 'consultation.end' | 'readings.latest';

export interface ConsultationBoundaryDeps {
  readonly start: BackendApi['consultation.start'];
  readonly end: BackendApi['consultation.end'];
  /** The reading bus's latest numeric per device and metric, and status per device. */
  readonly latestReadings: () => readonly Reading[];
  /** The call service's `releaseRoom`: closes the room if this consultation owns it. */
  readonly releaseRoom: (consultationId: string) => void;
  readonly now: () => number;
}

/**
 * A consultation's start and its end are boundaries (issue 12, "end means end"):
 * - the end ends the call: the consultation's room is closed at once (the doctor is sent away,
 *   links are refused), whichever client asked for the end;
 * - a screen opened after a boundary is not seeded with a value measured before it: the reading
 *   bus keeps each device's latest value across patients, and a stale value belongs to no
 *   patient. Status flags are the device's present state, not a value: they are kept.
 */
export function consultationBoundaries(deps: ConsultationBoundaryDeps): Pick<BackendApi, BoundaryMethod> {
  let activeId: string | null = null;
  let boundaryMs = Number.NEGATIVE_INFINITY;
  const measuredSince = (reading: Reading): boolean =>
    reading.type !== 'numeric' || Date.parse(reading.time) >= boundaryMs;
  return {
    'consultation.start': async (input) => {
      const summary = await deps.start(input);
      activeId = summary.id;
      boundaryMs = Date.parse(summary.startedAt) || deps.now();
      return summary;
    },
    'consultation.end': async (params) => {
      const summary = await deps.end(params);
      deps.releaseRoom(summary.id);
      // Ending an earlier, interrupted record is no boundary for what the screen shows now.
      if (summary.id === activeId) {
        activeId = null;
        boundaryMs = Date.parse(summary.endedAt ?? '') || deps.now();
      }
      return summary;
    },
    'readings.latest': () => Promise.resolve(deps.latestReadings().filter(measuredSince)),
  };
}
