import type {
  BluetoothRequestOptions,
  WebBluetooth,
  WebBluetoothCharacteristic,
  WebBluetoothDevice,
  WebBluetoothGattServer,
  WebBluetoothService,
} from '../../../../src/renderer/features/bluetooth/web-bluetooth';

/**
 * A fake `navigator.bluetooth` with the real API's event behaviour (jsdom has no Web Bluetooth):
 * devices expose services and characteristics by UUID, a characteristic emits
 * `characteristicvaluechanged` with a fresh DataView, and a dropped link emits
 * `gattserverdisconnected` on the device and makes old characteristic objects dead.
 */
const notFound = (what: string) => new DOMException(`No ${what} matching UUID found`, 'NotFoundError');

export class FakeCharacteristic extends EventTarget implements WebBluetoothCharacteristic {
  value: DataView | null = null;
  notifying = false;

  constructor(readonly uuid: string) {
    super();
  }

  async startNotifications(): Promise<WebBluetoothCharacteristic> {
    this.notifying = true;
    return this;
  }

  /** The device sends one value; the bytes sit at an offset inside a larger buffer, as they may. */
  emit(bytes: Uint8Array): void {
    if (!this.notifying) return;
    const buffer = new ArrayBuffer(bytes.length + 3);
    new Uint8Array(buffer, 3).set(bytes);
    this.value = new DataView(buffer, 3, bytes.length);
    this.dispatchEvent(new Event('characteristicvaluechanged'));
  }
}

export class FakeDevice extends EventTarget implements WebBluetoothDevice {
  readonly gatt: FakeGattServer;

  constructor(
    readonly id: string,
    readonly name: string | null,
    /** service UUID → characteristic UUIDs. */
    readonly layout: Record<string, string[]>,
  ) {
    super();
    this.gatt = new FakeGattServer(this);
  }

  /** The live characteristic object of the current connection. */
  characteristic(uuid: string): FakeCharacteristic {
    const found = this.gatt.live.get(uuid);
    if (!found) throw new Error(`not subscribed: ${uuid}`);
    return found;
  }

  /** The link drops (out of range, switched off). */
  dropLink(): void {
    this.gatt.connected = false;
    this.gatt.live.clear();
    this.dispatchEvent(new Event('gattserverdisconnected'));
  }
}

export class FakeGattServer implements WebBluetoothGattServer {
  connected = false;
  connects = 0;
  /** When set, the next connect() rejects with it. */
  failNextConnect: Error | null = null;
  readonly live = new Map<string, FakeCharacteristic>();

  constructor(private readonly device: FakeDevice) {}

  async connect(): Promise<WebBluetoothGattServer> {
    this.connects++;
    const failure = this.failNextConnect;
    this.failNextConnect = null;
    if (failure) throw failure;
    this.connected = true;
    return this;
  }

  disconnect(): void {
    if (!this.connected) return;
    this.device.dropLink();
  }

  async getPrimaryService(uuid: string): Promise<WebBluetoothService> {
    if (!this.connected) throw new DOMException('GATT Server is disconnected', 'NetworkError');
    const characteristics = this.device.layout[uuid];
    if (!characteristics) throw notFound('service');
    return {
      uuid,
      getCharacteristic: async (c: string) => {
        if (!characteristics.includes(c)) throw notFound('characteristic');
        const characteristic = new FakeCharacteristic(c);
        this.live.set(c, characteristic);
        return characteristic;
      },
    };
  }
}

export class FakeBluetooth implements WebBluetooth {
  readonly requests: BluetoothRequestOptions[] = [];
  /** What the next requestDevice resolves to (a device) or rejects with (an error). */
  next: FakeDevice | Error = new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError');

  async requestDevice(options: BluetoothRequestOptions): Promise<WebBluetoothDevice> {
    this.requests.push(options);
    if (!(this.next instanceof FakeDevice)) throw this.next;
    return this.next;
  }
}
