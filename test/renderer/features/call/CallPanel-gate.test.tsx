import { render, screen } from '@testing-library/react';
import { CallPanel } from '../../../../src/renderer/features/call/CallPanel';
import { StationCall } from '../../../../src/renderer/features/call/station-call';
import { I18nProvider } from '../../../../src/renderer/i18n/I18nProvider';
import { FakeClient } from './fake-control-link';

// The real call needs WebRTC (and TextEncoder, which jsdom lacks); here no call may even be built.
jest.mock('../../../../src/renderer/features/call/station-call', () => ({ StationCall: jest.fn() }));

describe('call panel without an active consultation', () => {
  it('cannot start a call, says why, links to the start form, and records nothing', () => {
    const backend = new FakeClient();
    render(
      <I18nProvider locale="fr">
        <CallPanel consultation={null} client={backend.client} />
      </I18nProvider>,
    );
    const open = screen.getByTestId<HTMLButtonElement>('call-open');
    expect(open.disabled).toBe(true);
    open.click();
    expect(screen.getByTestId('call-gate').textContent).toMatch(/consentement/);
    expect(screen.getByTestId('call-gate-start').getAttribute('href')).toBe('#consultation');
    expect(StationCall).not.toHaveBeenCalled();
    expect(backend.calls).toEqual([]);
  });
});
