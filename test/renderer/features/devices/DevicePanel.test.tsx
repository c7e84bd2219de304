import { render, screen } from '@testing-library/react';
import type { DeviceInfo } from '../../../../src/shared/domain/devices';
import { DevicePanel } from '../../../../src/renderer/features/devices/DevicePanel';

const device = (overrides: Partial<DeviceInfo>): DeviceInfo => ({
  id: 'contec-cms50-v7@/dev/pts/3',
  protocol: 'contec-cms50-v7',
  name: 'Contec CMS50 (V7)',
  transport: 'serial',
  path: '/dev/pts/3',
  state: 'streaming',
  error: null,
  simulated: false,
  lastReadingAt: null,
  droppedFrames: 0,
  ...overrides,
});

describe('DevicePanel', () => {
  it('says each state in words, with age, dropped frames and a SIMULATED badge when simulated', () => {
    const sim = device({ simulated: true, droppedFrames: 3 });
    const unplugged = device({
      id: 'x@/dev/ttyUSB0',
      path: '/dev/ttyUSB0',
      state: 'disconnected',
      error: { code: 'disconnected', message: 'Device unplugged' },
    });
    render(
      <DevicePanel
        devices={[sim, unplugged]}
        nowMs={10_000}
        lastReadingAt={(id) => (id === sim.id ? 7_000 : null)}
      />,
    );
    expect(screen.getByTestId(`device-state-${sim.id}`).textContent).toContain('Streaming');
    expect(screen.getByTestId(`device-age-${sim.id}`).textContent).toBe('3 s');
    expect(screen.getByTestId(`device-dropped-${sim.id}`).textContent).toBe('3');
    expect(screen.getByTestId(`device-simulated-${sim.id}`).textContent).toBe('SIMULATED');
    expect(screen.getByTestId(`device-state-${unplugged.id}`).textContent).toContain('Disconnected');
    expect(screen.getByTestId(`device-age-${unplugged.id}`).textContent).toBe('never');
    expect(screen.queryByTestId(`device-simulated-${unplugged.id}`)).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('The device was disconnected.');
  });

  it('tells the user what to do when no device is connected', () => {
    render(<DevicePanel devices={[]} nowMs={0} lastReadingAt={() => null} />);
    expect(screen.getByTestId('device-panel').textContent).toContain('No device connected');
  });
});
