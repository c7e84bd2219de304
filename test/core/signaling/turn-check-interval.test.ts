import {
  parseTurnCheckInterval,
  turnCheckIntervalProblem,
} from '../../../src/core/signaling/turn-check-interval';

describe('parseTurnCheckInterval (seconds between a TURN pool’s checks)', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['15', 15_000],
    ['2.5', 2500],
    ['3600', 3_600_000],
  ])('takes %j as %d ms', (text, ms) => {
    expect(parseTurnCheckInterval(text)).toEqual({ ok: true, ms });
  });

  it.each(['', 'soon', '-1', '0.5', '3601', '1e3', '15s', ' 15', '0x10', '1.2345', 'Infinity', 'NaN'])(
    'refuses %j',
    (text) => {
      expect(parseTurnCheckInterval(text)).toEqual({ ok: false });
    },
  );

  it('says where the refused value came from and what is allowed', () => {
    expect(turnCheckIntervalProblem('STATION_TURN_CHECK_INTERVAL', 'x'.repeat(200))).toBe(
      `STATION_TURN_CHECK_INTERVAL must be 0 (no check) or 1–3600 seconds, got "${'x'.repeat(80)}"`,
    );
  });
});
