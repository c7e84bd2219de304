import { act, render, screen } from '@testing-library/react';
import { ConsultantDevices } from '../../../src/renderer/consultant/consultant-devices';
import { VitalsPanel } from '../../../src/renderer/consultant/VitalsPanel';
import { linkStationDeviceFacts } from '../../../src/renderer/features/call/device-facts-link';
import { VitalsStore } from '../../../src/renderer/features/vitals/vitals-store';
import { WaveformStore } from '../../../src/renderer/features/waveforms/waveform-store';
import { I18nProvider } from '../../../src/renderer/i18n/I18nProvider';
import type { BackendClient } from '../../../src/renderer/backend-client/backend-client';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import { FakeControlLink, fakeSession } from '../features/call/fake-control-link';

/**
 * SIMULATED on the doctor's page (issue 11 item 7): the station tells which devices a simulator
 * feeds over the control channel, and every group of their values says so, as on the station.
 */

const MONITOR: DeviceInfo = {
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
const OXIMETER: DeviceInfo = {
  ...MONITOR,
  id: 'nonin-df7@/dev/ttyUSB0',
  protocol: 'nonin-df7',
  name: 'Nonin',
  path: '/dev/ttyUSB0',
  simulated: false,
};

function stationClient(devices: DeviceInfo[]) {
  let onState: ((device: DeviceInfo) => void) | null = null;
  const client = {
    call: (method: string) =>
      method === 'devices.list' ? Promise.resolve(devices) : Promise.reject(new Error(method)),
    on: (event: string, listener: (device: DeviceInfo) => void) => {
      if (event === 'device.state') onState = listener;
      return () => (onState = null);
    },
  } as unknown as BackendClient;
  return { client, deviceState: (device: DeviceInfo) => onState?.(device) };
}

describe('SIMULATED on the doctor’s page', () => {
  it('the station sends its devices’ facts when the call connects, and again when one changes', async () => {
    const control = new FakeControlLink();
    const { session, events } = fakeSession();
    const station = stationClient([MONITOR, OXIMETER]);
    const stop = linkStationDeviceFacts(station.client, control.asLink(), session);
    events.emit('connected');
    await Promise.resolve();
    await Promise.resolve();
    expect(control.sent).toEqual([
      {
        type: 'devices',
        devices: [
          { id: OXIMETER.id, name: 'Nonin', simulated: false, state: 'streaming' },
          { id: MONITOR.id, name: 'Philips IntelliVue monitor', simulated: true, state: 'streaming' },
        ],
      },
    ]);
    // A frame count change alone sends nothing; a new device does, and so does a state change
    // (the doctor's page says "disconnected").
    station.deviceState({ ...MONITOR, droppedFrames: 3 });
    expect(control.sent).toHaveLength(1);
    station.deviceState({ ...OXIMETER, id: 'beurer-bm58@/dev/pts/7', name: 'Beurer BM58', simulated: true });
    expect(control.sent).toHaveLength(2);
    station.deviceState({ ...MONITOR, state: 'disconnected' });
    expect(control.sent).toHaveLength(3);
    const third = control.sent[2];
    expect(third?.type === 'devices' && third.devices.find((d) => d.id === MONITOR.id)?.state).toBe(
      'disconnected',
    );
    stop();
  });

  it('the doctor’s vitals mark the simulated device’s group, and the panel once', () => {
    const control = new FakeControlLink();
    const devices = new ConsultantDevices(control.asLink());
    const vitals = new VitalsStore((run) => run());
    const time = new Date().toISOString();
    vitals.ingest([
      { type: 'numeric', device: MONITOR.id, metric: 'MDC_PULS_OXIM_SAT_O2', unit: '%', value: 96, time },
      { type: 'numeric', device: OXIMETER.id, metric: 'MDC_PULS_OXIM_SAT_O2', unit: '%', value: 97, time },
    ]);
    render(
      <I18nProvider locale="fr">
        <VitalsPanel vitals={vitals} waveforms={new WaveformStore()} deviceData devices={devices} />
      </I18nProvider>,
    );
    expect(screen.queryByTestId('consultant-simulated')).toBeNull();
    act(() =>
      control.receive({
        type: 'devices',
        devices: [
          { id: MONITOR.id, name: MONITOR.name, simulated: true },
          { id: OXIMETER.id, name: OXIMETER.name, simulated: false },
        ],
      }),
    );
    expect(screen.getByTestId('consultant-simulated').textContent).toBe('SIMULATION');
    expect(screen.getByTestId(`group-simulated-${MONITOR.id}`).textContent).toBe('SIMULATION');
    expect(screen.queryByTestId(`group-simulated-${OXIMETER.id}`)).toBeNull();
    devices.dispose();
  });
});
