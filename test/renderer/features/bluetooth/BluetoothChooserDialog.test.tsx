import { act, fireEvent, render, screen } from '@testing-library/react';
import type { BluetoothChooserClient } from '../../../../src/renderer/backend-client/ipc-client';
import { BluetoothChooserDialog } from '../../../../src/renderer/features/bluetooth/BluetoothChooserDialog';
import type { BluetoothChooserAnswer, BluetoothChooserOffer } from '../../../../src/shared/preload-api';

class FakeChooser implements BluetoothChooserClient {
  readonly answers: BluetoothChooserAnswer[] = [];
  private listener: ((offer: BluetoothChooserOffer) => void) | null = null;

  onDevices(listener: (offer: BluetoothChooserOffer) => void): () => void {
    this.listener = listener;
    return () => (this.listener = null);
  }

  choose(answer: BluetoothChooserAnswer): void {
    this.answers.push(answer);
  }

  offer(requestId: number, devices: { deviceId: string; deviceName: string }[]): void {
    act(() => this.listener?.({ requestId, devices }));
  }

  get subscribed(): boolean {
    return this.listener !== null;
  }
}

const OXIMETER = { deviceId: 'AA:01', deviceName: 'Oximeter' };
const SCALE = { deviceId: 'BB:02', deviceName: '' };

describe('BluetoothChooserDialog', () => {
  it('renders nothing outside Electron, and nothing until devices are offered', () => {
    const { container } = render(<BluetoothChooserDialog chooser={null} />);
    expect(container.innerHTML).toBe('');
    const chooser = new FakeChooser();
    render(<BluetoothChooserDialog chooser={chooser} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(chooser.subscribed).toBe(true);
  });

  it('shows the scan as it grows, and answers with the device picked', () => {
    const chooser = new FakeChooser();
    render(<BluetoothChooserDialog chooser={chooser} />);
    chooser.offer(0, []);
    const dialog = screen.getByRole('dialog', { name: 'Choose a Bluetooth device' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(dialog);
    expect(screen.getByRole('status').textContent).toMatch(/Searching/);
    chooser.offer(0, [OXIMETER, SCALE]);
    expect(screen.getByRole('status').textContent).toBe('2 devices found. Still searching…');
    expect(screen.getByRole('button', { name: /Unnamed device/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Oximeter/ }));
    expect(chooser.answers).toEqual([{ requestId: 0, deviceId: 'AA:01' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Cancel and Escape answer null; late scan updates of an answered request do not reopen it', () => {
    const chooser = new FakeChooser();
    render(<BluetoothChooserDialog chooser={chooser} />);
    chooser.offer(0, [OXIMETER]);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    chooser.offer(0, [OXIMETER, SCALE]);
    expect(screen.queryByRole('dialog')).toBeNull();
    chooser.offer(1, [SCALE]);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(chooser.answers).toEqual([
      { requestId: 0, deviceId: null },
      { requestId: 1, deviceId: null },
    ]);
  });

  it('gives focus back to where it was when it closes', () => {
    const chooser = new FakeChooser();
    render(
      <>
        <button type="button">Add Bluetooth device</button>
        <BluetoothChooserDialog chooser={chooser} />
      </>,
    );
    const opener = screen.getByRole('button', { name: 'Add Bluetooth device' });
    opener.focus();
    chooser.offer(0, [OXIMETER]);
    expect(document.activeElement).not.toBe(opener);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(opener);
  });

  it('unsubscribes when unmounted', () => {
    const chooser = new FakeChooser();
    render(<BluetoothChooserDialog chooser={chooser} />).unmount();
    expect(chooser.subscribed).toBe(false);
  });
});
