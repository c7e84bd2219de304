import { render, screen } from '@testing-library/react';
import { NumericTile } from '../../../../src/renderer/features/vitals/NumericTile';

const NOW = Date.parse('2026-11-25T10:00:10.000Z');
const latest = (value: number | null, time = '2026-11-25T10:00:09.500Z') => ({
  value,
  unit: '/min',
  device: 'contec-cms50-v7@/dev/pts/3',
  time,
  timeMs: Date.parse(time),
});

describe('NumericTile', () => {
  it('shows the value, label, display unit and device name', () => {
    render(
      <NumericTile
        metric="MDC_PULS_OXIM_PULS_RATE"
        latest={latest(72)}
        deviceName="Contec CMS50"
        nowMs={NOW}
        staleAfterMs={5000}
      />,
    );
    expect(screen.getByTestId('tile-value-MDC_PULS_OXIM_PULS_RATE').textContent).toBe('72');
    const tile = screen.getByTestId('tile-MDC_PULS_OXIM_PULS_RATE');
    expect(tile.textContent).toContain('Pulse');
    expect(tile.textContent).toContain('bpm');
    expect(tile.textContent).toContain('Contec CMS50');
    expect(tile.getAttribute('data-stale')).toBe('false');
  });

  it('shows -- for an invalid value and before the first reading', () => {
    const { rerender } = render(
      <NumericTile metric="MDC_PULS_OXIM_SAT_O2" latest={latest(null)} nowMs={NOW} staleAfterMs={5000} />,
    );
    expect(screen.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2').textContent).toBe('--');
    rerender(
      <NumericTile metric="MDC_PULS_OXIM_SAT_O2" latest={undefined} nowMs={NOW} staleAfterMs={5000} />,
    );
    expect(screen.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2').textContent).toBe('--');
    expect(screen.getByTestId('tile-MDC_PULS_OXIM_SAT_O2').textContent).toContain('%');
  });

  it('marks an old value stale, with its age, but keeps showing it', () => {
    render(
      <NumericTile
        metric="MDC_PULS_OXIM_PULS_RATE"
        latest={latest(72, '2026-11-25T09:59:58.000Z')}
        nowMs={NOW}
        staleAfterMs={5000}
      />,
    );
    expect(screen.getByTestId('tile-MDC_PULS_OXIM_PULS_RATE').getAttribute('data-stale')).toBe('true');
    expect(screen.getByTestId('tile-stale-MDC_PULS_OXIM_PULS_RATE').textContent).toContain('12 s');
    expect(screen.getByTestId('tile-value-MDC_PULS_OXIM_PULS_RATE').textContent).toBe('72');
  });
});
