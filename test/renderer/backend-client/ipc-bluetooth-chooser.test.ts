import { bluetoothChooserClient } from '../../../src/renderer/backend-client/ipc-client';
import {
  PRELOAD_GLOBAL,
  type BluetoothChooserAnswer,
  type BluetoothChooserBridge,
} from '../../../src/shared/preload-api';

/** The preload's chooser half, driven by the test. */
class FakeChooserBridge implements BluetoothChooserBridge {
  readonly answers: BluetoothChooserAnswer[] = [];
  listener: ((offer: never) => void) | null = null;

  onDevices(listener: (offer: never) => void): () => void {
    this.listener = listener;
    return () => (this.listener = null);
  }

  choose(answer: BluetoothChooserAnswer): void {
    this.answers.push(answer);
  }
}

const windowWith = (bridge: unknown) => ({ [PRELOAD_GLOBAL]: bridge }) as unknown as Window;

describe('bluetoothChooserClient', () => {
  it('is null outside Electron, or with a preload that has no chooser', () => {
    expect(bluetoothChooserClient(windowWith(undefined))).toBeNull();
    expect(bluetoothChooserClient(windowWith({ invoke: jest.fn(), on: jest.fn() }))).toBeNull();
  });

  it('passes on offers that match the contract and drops the rest', () => {
    const bridge = new FakeChooserBridge();
    const client = bluetoothChooserClient(windowWith({ bluetoothChooser: bridge }))!;
    const offers: unknown[] = [];
    const unsubscribe = client.onDevices((offer) => offers.push(offer));
    const good = { requestId: 1, devices: [{ deviceId: 'AA', deviceName: 'Oximeter' }] };
    for (const offer of [good, { requestId: -1, devices: [] }, { requestId: 1 }, 'x', null]) {
      bridge.listener!(offer as never);
    }
    expect(offers).toEqual([good]);
    unsubscribe();
    expect(bridge.listener).toBeNull();
  });

  it('sends answers through the preload', () => {
    const bridge = new FakeChooserBridge();
    bluetoothChooserClient(windowWith({ bluetoothChooser: bridge }))!.choose({
      requestId: 2,
      deviceId: null,
    });
    expect(bridge.answers).toEqual([{ requestId: 2, deviceId: null }]);
  });
});
