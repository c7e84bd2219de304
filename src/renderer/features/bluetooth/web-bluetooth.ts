/**
 * The part of the Web Bluetooth API we use (https://webbluetoothcg.github.io/web-bluetooth/),
 * declared here because TypeScript's DOM library has no Web Bluetooth types. Declaring only what
 * we call also lets the tests hand in a fake `navigator.bluetooth` that implements exactly this.
 */
export interface BluetoothRequestOptions {
  readonly filters: readonly { readonly services: readonly string[] }[];
  readonly optionalServices: readonly string[];
}

export interface WebBluetooth {
  requestDevice(options: BluetoothRequestOptions): Promise<WebBluetoothDevice>;
}

/** Emits `gattserverdisconnected` when the link drops. */
export interface WebBluetoothDevice extends EventTarget {
  readonly id: string;
  readonly name?: string | null;
  readonly gatt?: WebBluetoothGattServer | null;
}

export interface WebBluetoothGattServer {
  readonly connected: boolean;
  connect(): Promise<WebBluetoothGattServer>;
  disconnect(): void;
  getPrimaryService(service: string): Promise<WebBluetoothService>;
}

export interface WebBluetoothService {
  readonly uuid: string;
  getCharacteristic(characteristic: string): Promise<WebBluetoothCharacteristic>;
}

/** Emits `characteristicvaluechanged` with `value` set, for every notification or indication. */
export interface WebBluetoothCharacteristic extends EventTarget {
  readonly uuid: string;
  readonly value?: DataView | null;
  startNotifications(): Promise<WebBluetoothCharacteristic>;
}

/** `navigator.bluetooth`, or undefined where the browser (or Electron build) has none. */
export function webBluetoothOf(nav: Navigator | undefined): WebBluetooth | undefined {
  const candidate = (nav as { bluetooth?: WebBluetooth } | undefined)?.bluetooth;
  return candidate !== undefined && typeof candidate.requestDevice === 'function' ? candidate : undefined;
}

/** A DOMException name, for errors Web Bluetooth rejects with. */
export function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}
