import { render, screen, within } from '@testing-library/react';
import type { DeviceInfo } from '../../../../src/shared/domain/devices';
import { DeviceGroup } from '../../../../src/renderer/features/devices/DeviceGroup';
import { deviceDisplayName, listDeviceGroups } from '../../../../src/renderer/features/devices/device-groups';
import { VitalsStore } from '../../../../src/renderer/features/vitals/vitals-store';
import { WaveformStore } from '../../../../src/renderer/features/waveforms/waveform-store';

const monitor: DeviceInfo = {
  id: 'philips-intellivue-mib@/dev/pts/4',
  protocol: 'philips-intellivue-mib',
  name: 'Philips IntelliVue monitor',
  transport: 'serial',
  path: '/dev/pts/4',
  state: 'streaming',
  error: null,
  simulated: true,
  lastReadingAt: null,
  droppedFrames: 0,
};
const TIME = '2026-11-25T14:32:00.000Z';

function monitorVitals() {
  const vitals = new VitalsStore((run) => run());
  const numeric = (
    metric: 'MDC_PULS_OXIM_SAT_O2' | 'MDC_PRESS_BLD_NONINV_SYS' | 'MDC_PRESS_BLD_NONINV_DIA',
    value: number,
  ) => ({ type: 'numeric', device: monitor.id, metric, value, unit: '%', time: TIME }) as const;
  vitals.ingest([
    numeric('MDC_PULS_OXIM_SAT_O2', 96),
    numeric('MDC_PRESS_BLD_NONINV_SYS', 128),
    numeric('MDC_PRESS_BLD_NONINV_DIA', 82),
    { type: 'status', device: monitor.id, flags: ['probe-off', 'pulse-beep'], time: TIME },
  ]);
  return vitals.device(monitor.id);
}

describe('DeviceGroup', () => {
  it('shows the device name, SIMULATED, state, flags in words, live tiles and the BP result', () => {
    render(
      <DeviceGroup
        entry={{ id: monitor.id, info: monitor }}
        vitals={monitorVitals()}
        waveforms={new WaveformStore()}
        waveformMetrics={[]}
        nowMs={Date.parse(TIME)}
        staleAfterMs={10_000}
        windowS={6}
      />,
    );
    const group = screen.getByTestId(`device-group-${monitor.id}`);
    expect(within(group).getByRole('heading').textContent).toBe('Philips IntelliVue monitor');
    expect(screen.getByTestId(`group-simulated-${monitor.id}`).textContent).toBe('SIMULATED');
    expect(screen.getByTestId(`group-state-${monitor.id}`).textContent).toContain('Streaming');
    expect(screen.getByTestId(`group-flags-${monitor.id}`).textContent).toBe('Probe off');
    expect(screen.getByTestId('tile-value-MDC_PULS_OXIM_SAT_O2').textContent).toBe('96');
    // BP metrics are on the result tile, not tiles of their own.
    expect(screen.queryByTestId('tile-MDC_PRESS_BLD_NONINV_SYS')).toBeNull();
    expect(screen.getByTestId('bp-value').textContent).toBe('128/82 mmHg');
  });

  it('waits visibly for a device that has sent nothing yet', () => {
    render(
      <DeviceGroup
        entry={{ id: monitor.id, info: { ...monitor, state: 'connecting', simulated: false } }}
        vitals={undefined}
        waveforms={new WaveformStore()}
        waveformMetrics={[]}
        nowMs={0}
        staleAfterMs={10_000}
        windowS={6}
      />,
    );
    expect(screen.getByText('Waiting for the first reading…')).toBeTruthy();
    expect(screen.queryByTestId(`group-simulated-${monitor.id}`)).toBeNull();
  });
});

describe('listDeviceGroups', () => {
  it('lists backend devices sorted, then devices seen only in readings (Bluetooth), once each', () => {
    const other = { ...monitor, id: 'contec-cms50-v7@/dev/pts/3', name: '' };
    const groups = listDeviceGroups([monitor, other], ['ble-heart-rate@AA', monitor.id, 'ble-heart-rate@AA']);
    expect(groups.map((g) => g.id)).toEqual([other.id, monitor.id, 'ble-heart-rate@AA']);
    // Named from the catalogue in the screen's language, never by a raw protocol id.
    expect(deviceDisplayName('ble-heart-rate@AA', undefined, 'en')).toBe('Bluetooth heart rate monitor (AA)');
    expect(deviceDisplayName('ble-heart-rate@AA', undefined, 'fr')).toBe(
      'Cardiofréquencemètre Bluetooth (AA)',
    );
    expect(deviceDisplayName(other.id, other, 'fr')).toBe('Moniteur Philips IntelliVue');
    expect(deviceDisplayName('replay@x', undefined, 'en')).toBe('replay');
  });
});
