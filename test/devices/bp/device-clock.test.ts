import { LOCAL_ZONE, rememberingZone } from '../../../src/devices/bp/device-clock';
describe('rememberingZone', () => {
  it('answers exactly as the zone it wraps, for repeated and new times', () => {
    const remembering = rememberingZone(LOCAL_ZONE);
    const times = [
      { year: 2026, month: 11, day: 25, hour: 14, minute: 32, second: 5 },
      { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 },
      { year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59 },
    ];
    for (const t of [...times, ...times]) expect(remembering.toEpochMs(t)).toBe(LOCAL_ZONE.toEpochMs(t));
    expect(remembering.toWallClock(0)).toEqual(LOCAL_ZONE.toWallClock(0));
  });
});
