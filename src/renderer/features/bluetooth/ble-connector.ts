import type { BackendClient } from '../../backend-client/backend-client';
import { ValueStore } from '../value-store';
import { BLE_HEALTH_SERVICES, LOCAL_ZONE } from './ble-decoders';
import { BleDeviceLink, type BleDeviceView, type BleLinkDeps } from './ble-device-link';
import { bleProblem, type BleProblem } from './ble-problem';
import { errorName, webBluetoothOf, type WebBluetooth } from './web-bluetooth';

/**
 * Adds Bluetooth LE health devices through Web Bluetooth and keeps them connected. The chooser
 * filters on the standard health services (heart rate, blood pressure, pulse oximeter, health
 * thermometer), each also listed in `optionalServices` so a device that advertises one service
 * still lets us open the others it has. Readings go to the backend (`readings.submit`), so they
 * join the wired devices' stream: the screens, the recorder and the consultant all get them.
 */
export class BleConnector {
  readonly devices = new ValueStore<readonly BleDeviceView[]>([]);
  /** True while the browser's chooser is open. */
  readonly choosing = new ValueStore(false);
  /** The last problem adding a device; null when there is none. */
  readonly problem = new ValueStore<BleProblem | null>(null);
  private readonly links = new Map<string, BleDeviceLink>();

  constructor(
    private readonly bluetooth: WebBluetooth | undefined,
    private readonly deps: BleLinkDeps,
  ) {}

  get available(): boolean {
    return this.bluetooth !== undefined;
  }

  /** Opens the chooser (must run from a user gesture: a click) and connects the chosen device. */
  async addDevice(): Promise<void> {
    if (this.bluetooth === undefined) return this.problem.set(bleProblem('unavailable'));
    this.choosing.set(true);
    this.problem.set(null);
    let device;
    try {
      device = await this.bluetooth.requestDevice({
        filters: BLE_HEALTH_SERVICES.map((service) => ({ services: [service] })),
        optionalServices: [...BLE_HEALTH_SERVICES],
      });
    } catch (cause) {
      // NotFoundError: the user closed the chooser, or no device was in range. Not a fault.
      if (errorName(cause) !== 'NotFoundError') this.problem.set(bleProblem('chooser-failed', cause));
      return;
    } finally {
      this.choosing.set(false);
    }
    if (this.links.has(device.id)) return; // already added: it is connected or reconnecting
    const link = new BleDeviceLink(device, this.deps, () => this.publish());
    this.links.set(device.id, link);
    this.publish();
    await link.connect();
  }

  /** The user no longer wants this device: disconnect and stop reconnecting. */
  remove(key: string): void {
    const link = this.links.get(key);
    if (link === undefined) return;
    link.close();
    this.links.delete(key);
    this.publish();
  }

  close(): void {
    for (const key of [...this.links.keys()]) this.remove(key);
  }

  private publish(): void {
    this.devices.set([...this.links.values()].map((link) => link.view()));
  }
}

/** The connector the station uses: the page's navigator.bluetooth, readings to the backend client. */
export function createBleConnector(client: BackendClient, win: Window = window): BleConnector {
  return new BleConnector(webBluetoothOf(win.navigator), {
    submit: (readings) => client.call('readings.submit', { readings }),
    now: () => Date.now(),
    utcOffsetMinutes: () => -new Date().getTimezoneOffset(),
    clockZone: LOCAL_ZONE,
    setTimer: (run, ms) => {
      const timer = win.setTimeout(run, ms);
      return () => win.clearTimeout(timer);
    },
  });
}
