import { render, screen } from '@testing-library/react';
import { CallBanner } from '../../../../src/renderer/features/call/CallBanner';
import { callReducer, INITIAL_CALL_STATE } from '../../../../src/renderer/features/call/call-machine';
import { QualityBadge } from '../../../../src/renderer/features/call/QualityBadge';
import type { QualitySummary } from '../../../../src/renderer/features/call/quality/stats-summary';

const summary: QualitySummary = {
  rttMs: 42,
  lossPct: 0.5,
  outboundLossPct: 0,
  jitterMs: 4,
  inboundKbps: 900,
  outboundKbps: 1200,
  availableOutgoingKbps: 2500,
  video: { width: 1280, height: 720, fps: 30 },
  relayed: true,
  grade: 'good',
  stethoscope: { lossPct: 3, jitterMs: 8, grade: 'fair' },
};

describe('call badges', () => {
  it('says the call is reconnecting, in words and in data-phase', () => {
    const state = [{ type: 'join' }, { type: 'peer-connected' }, { type: 'link-lost' }].reduce(
      (s, e) => callReducer(s, e as Parameters<typeof callReducer>[1]),
      INITIAL_CALL_STATE,
    );
    render(<CallBanner state={state} />);
    const banner = screen.getByTestId('call-state');
    expect(banner.dataset['phase']).toBe('reconnecting');
    expect(banner.textContent).toMatch(/reconnecting/);
  });

  it('shows the figures, the relayed path and a stricter stethoscope grade', () => {
    render(<QualityBadge summary={summary} />);
    const badge = screen.getByTestId('quality-badge');
    expect(badge.dataset['grade']).toBe('good');
    expect(badge.textContent).toContain('RTT 42 ms');
    expect(badge.textContent).toContain('1280×720 30 fps');
    expect(badge.textContent).toContain('relayed (TURN)');
    expect(screen.getByTestId('stethoscope-quality').dataset['grade']).toBe('fair');
  });

  it('says it is still measuring before the first sample', () => {
    render(<QualityBadge summary={null} />);
    expect(screen.getByTestId('quality-badge').textContent).toContain('measuring');
  });
});
