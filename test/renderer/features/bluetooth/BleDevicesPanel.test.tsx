import { act, fireEvent, render, screen } from '@testing-library/react';
import { BleConnector } from '../../../../src/renderer/features/bluetooth/ble-connector';
import { BleDevicesPanel } from '../../../../src/renderer/features/bluetooth/BleDevicesPanel';
import { FakeBluetooth, FakeDevice } from './fake-bluetooth';

const deps = {
  submit: async () => null,
  now: () => 0,
  utcOffsetMinutes: () => 0,
  setTimer: () => () => undefined,
};
const HR_SERVICE = '0000180d-0000-1000-8000-00805f9b34fb';
const HR = '00002a37-0000-1000-8000-00805f9b34fb';

describe('BleDevicesPanel', () => {
  it('says plainly when Web Bluetooth is unavailable, and offers no button', () => {
    render(<BleDevicesPanel connector={new BleConnector(undefined, deps)} />);
    expect(screen.getByTestId('ble-unavailable').textContent).toContain('no Web Bluetooth');
    expect(screen.queryByRole('button', { name: 'Add Bluetooth device' })).toBeNull();
  });

  it('"Add Bluetooth device" opens the chooser; the device appears with its state, and can be removed', async () => {
    const bluetooth = new FakeBluetooth();
    const strap = new FakeDevice('strap-1', 'Polar H10', { [HR_SERVICE]: [HR] });
    bluetooth.next = strap;
    const connector = new BleConnector(bluetooth, deps);
    render(<BleDevicesPanel connector={connector} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add Bluetooth device' }));
    });
    expect(bluetooth.requests).toHaveLength(1);
    expect(screen.getByTestId('ble-device-strap-1').textContent).toContain('Polar H10 (strap-1)');
    expect(screen.getByTestId('ble-state-strap-1').textContent).toBe('Connected');
    await act(async () => strap.characteristic(HR).emit(Uint8Array.of(0x10, 0x48, 0x00)));
    expect(screen.getByTestId('ble-dropped-strap-1').textContent).toBe('1');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove Polar H10 (strap-1)' }));
    });
    expect(screen.queryByTestId('ble-device-strap-1')).toBeNull();
  });

  it('shows a chooser problem as an alert', async () => {
    const bluetooth = new FakeBluetooth();
    bluetooth.next = new DOMException('Bluetooth adapter not available.', 'NotSupportedError');
    render(<BleDevicesPanel connector={new BleConnector(bluetooth, deps)} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add Bluetooth device' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('Bluetooth adapter not available.');
  });
});
