import { technicalIncidents } from '../../../src/core/exports/technical-incidents';
import { fixtureConsultation } from '../../helpers/consultation-fixture';
import type { TimelineEvent } from '../../../src/shared/domain/consultation';

const at = (second: number): string =>
  new Date(Date.parse('2026-11-25T09:31:00.000Z') + second * 1000).toISOString();
const device = (second: number, state: 'connected' | 'disconnected', extra = {}): TimelineEvent => ({
  kind: 'device',
  time: at(second),
  device: 'nonin-df13@/dev/ttyUSB3',
  name: 'Nonin 3150',
  state,
  ...extra,
});

function incidentsOf(events: TimelineEvent[]) {
  const base = fixtureConsultation({ minutes: 1 }).detail;
  return technicalIncidents({ ...base, timeline: [...base.timeline, ...events] });
}

describe('technical incidents', () => {
  it('are none for a consultation where nothing went wrong (connections and a hang-up are not incidents)', () => {
    expect(incidentsOf([])).toEqual([]);
  });

  it('reads drops, reconnections, lost devices, recording gaps and a stopped station from the timeline', () => {
    expect(
      incidentsOf([
        { kind: 'call', time: at(1), state: 'reconnecting' },
        { kind: 'call', time: at(2), state: 'reconnected' },
        device(3, 'connected'),
        device(4, 'disconnected', { reason: 'disconnected' }),
        device(5, 'connected'),
        device(6, 'disconnected'),
        {
          kind: 'recording',
          time: at(7),
          state: 'failing',
          code: 'write-error',
          since: at(7),
          droppedReadings: 62,
        },
        {
          kind: 'recording',
          time: at(9),
          state: 'resumed',
          code: 'write-error',
          since: at(7),
          droppedReadings: 62,
        },
        { kind: 'host-restarted', time: at(9.5), since: at(8) },
        { kind: 'interrupted', time: at(10) },
      ]),
    ).toEqual([
      { kind: 'call-dropped', time: at(1) },
      { kind: 'call-reconnected', time: at(2) },
      {
        kind: 'device-disconnected',
        time: at(4),
        device: 'nonin-df13@/dev/ttyUSB3',
        name: 'Nonin 3150',
        reason: 'disconnected',
      },
      { kind: 'device-reconnected', time: at(5), device: 'nonin-df13@/dev/ttyUSB3', name: 'Nonin 3150' },
      {
        kind: 'device-disconnected',
        time: at(6),
        device: 'nonin-df13@/dev/ttyUSB3',
        name: 'Nonin 3150',
        reason: null,
      },
      { kind: 'recording-failed', time: at(7), code: 'write-error', droppedReadings: 62 },
      { kind: 'recording-resumed', time: at(9), code: 'write-error', since: at(7), droppedReadings: 62 },
      { kind: 'host-restarted', time: at(9.5), since: at(8) },
      { kind: 'interrupted', time: at(10) },
    ]);
  });
});
