import { fireEvent, render, screen } from '@testing-library/react';
import type { DeviceInfo, DeviceState } from '../../../../src/shared/domain/devices';
import { DeviceDockToggle } from '../../../../src/renderer/features/devices/DeviceDockToggle';
import { I18nProvider } from '../../../../src/renderer/i18n/I18nProvider';

const device = (id: string, state: DeviceState): DeviceInfo => ({
  id,
  protocol: id.split('@')[0] ?? id,
  name: id,
  transport: 'serial',
  path: '/dev/pts/1',
  state,
  error: null,
  simulated: true,
  lastReadingAt: null,
  droppedFrames: 0,
});

describe('DeviceDockToggle', () => {
  it('sums the devices up by state, with Bluetooth reconnecting, and opens the dock', () => {
    const toggled = jest.fn();
    render(
      <DeviceDockToggle
        devices={[device('a@1', 'streaming'), device('b@2', 'disconnected'), device('c@3', 'streaming')]}
        bleReconnecting={1}
        expanded={false}
        controls="device-area"
        onToggle={toggled}
      />,
    );
    const button = screen.getByTestId('device-dock-toggle');
    expect(button.textContent).toBe('▸Devices: ● 2 streaming, ✕ 1 disconnected, … 1 Bluetooth reconnecting');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe('device-area');
    fireEvent.click(button);
    expect(toggled).toHaveBeenCalledTimes(1);
  });

  it('agrees in French and says when there is no device', () => {
    const { rerender } = render(
      <I18nProvider locale="fr">
        <DeviceDockToggle
          devices={[device('a@1', 'disconnected'), device('b@2', 'disconnected')]}
          bleReconnecting={0}
          expanded
          controls="device-area"
          onToggle={() => undefined}
        />
      </I18nProvider>,
    );
    expect(screen.getByTestId('device-dock-toggle').textContent).toBe('▾Appareils\u202f: ✕ 2 déconnectés');
    rerender(
      <I18nProvider locale="fr">
        <DeviceDockToggle
          devices={[]}
          bleReconnecting={0}
          expanded
          controls="device-area"
          onToggle={() => undefined}
        />
      </I18nProvider>,
    );
    expect(screen.getByTestId('device-dock-toggle').textContent).toBe('▾Appareils\u202f: aucun');
  });
});
