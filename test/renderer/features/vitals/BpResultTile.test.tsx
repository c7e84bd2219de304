import { render, screen } from '@testing-library/react';
import { BpResultTile } from '../../../../src/renderer/features/vitals/BpResultTile';
import { formatMeasuredAt } from '../../../../src/renderer/features/vitals/measured-time';
import { statusFlagText, visibleFlags } from '../../../../src/renderer/features/vitals/status-text';

const TIME = '2026-11-25T14:32:00.000Z';
const NOW = Date.parse('2026-11-25T18:00:00.000Z');

describe('BpResultTile', () => {
  it('shows systolic/diastolic in mmHg, mean, pulse and the device measurement time', () => {
    render(
      <BpResultTile
        result={{ systolic: 128, diastolic: 82, mean: 97, pulse: 71, time: TIME, timeMs: Date.parse(TIME) }}
        nowMs={NOW}
      />,
    );
    expect(screen.getByTestId('bp-value').textContent).toBe('128/82 mmHg');
    expect(screen.getByTestId('bp-mean').textContent).toBe('97');
    expect(screen.getByTestId('bp-pulse').textContent).toBe('71 bpm');
    expect(screen.getByTestId('bp-time').textContent).toMatch(/^measured \d\d:32, 25 Nov$/);
    expect(screen.getByTestId('bp-tile').getAttribute('data-measured-at')).toBe(TIME);
    expect(screen.getByText('NIBP result')).toBeTruthy(); // a result, not a live value
  });

  it('leaves out what the device did not send, and says when there is no result yet', () => {
    const { rerender } = render(
      <BpResultTile
        result={{
          systolic: 140,
          diastolic: 90,
          mean: null,
          pulse: null,
          time: TIME,
          timeMs: Date.parse(TIME),
        }}
        nowMs={NOW}
      />,
    );
    expect(screen.queryByTestId('bp-mean')).toBeNull();
    expect(screen.queryByTestId('bp-pulse')).toBeNull();
    rerender(<BpResultTile result={null} nowMs={NOW} />);
    expect(screen.getByTestId('bp-none').textContent).toBe('No measurement yet');
  });
});

describe('formatMeasuredAt', () => {
  it('spells out time and day, and the year when it is not this year', () => {
    expect(formatMeasuredAt(Date.parse(TIME), NOW, 'UTC')).toBe('measured 14:32, 25 Nov');
    expect(formatMeasuredAt(Date.parse('2025-03-01T08:05:00.000Z'), NOW, 'UTC')).toBe(
      'measured 08:05, 1 Mar 2025',
    );
    expect(formatMeasuredAt(Number.NaN, NOW)).toBe('measured at an unknown time');
  });
});

describe('status flags in words', () => {
  it('names known flags, turns unknown ones into words, and hides the beat indicator', () => {
    expect(statusFlagText('probe-off')).toBe('Probe off');
    expect(statusFlagText('lead-off')).toBe('Lead off');
    expect(statusFlagText('low-spo2')).toBe('Low SpO2');
    expect(visibleFlags(['pulse-beep', 'probe-off'])).toEqual(['probe-off']);
  });
});
