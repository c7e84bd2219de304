import type { Reading } from '../../../shared/domain/readings';
import type { ProtocolId } from '../../../shared/protocols';
import {
  BLE_HEALTH_SERVICES,
  bleProfilesForService,
  MeasurementMemory,
  type BleProfile,
  type Decoder,
  type DecodeEvent,
  type DeviceClockZone,
} from './ble-decoders';
import { bleProblem, type BleProblem } from './ble-problem';
import { bleDeviceLabel } from './device-label';
import type { WebBluetoothCharacteristic, WebBluetoothDevice, WebBluetoothGattServer } from './web-bluetooth';

/**
 * The episodic Bluetooth measurements (cuff results, thermometer and spot-check values) this
 * station has already taken, by device: it outlives every link and reconnect, so a cuff that
 * indicates its whole memory again at each connection adds nothing new (src/devices/ble/PROTOCOL.md).
 */
const STATION_MEASUREMENTS = new MeasurementMemory();

export type BleLinkState = 'connecting' | 'connected' | 'reconnecting' | 'unsupported';

/** What the panel shows about one Bluetooth device the user added. */
export interface BleDeviceView {
  /** The browser's id for the device. */
  readonly key: string;
  readonly label: string;
  readonly protocols: readonly ProtocolId[];
  readonly state: BleLinkState;
  readonly error: BleProblem | null;
  readonly lastReadingAt: number | null;
  readonly droppedFrames: number;
}

export interface BleLinkDeps {
  /** Hands decoded readings to the backend (readings.submit). */
  submit(readings: Reading[]): Promise<unknown>;
  now(): number;
  /** Local time minus UTC, for the devices' Date Time fields when no `clockZone` is given. */
  utcOffsetMinutes(): number;
  /**
   * The zone the devices' clocks show (the station's): a stored measurement's Date Time becomes
   * UTC with the offset of its own date, so one taken before a daylight-saving change keeps its
   * true instant. Wins over `utcOffsetMinutes`.
   */
  readonly clockZone?: DeviceClockZone;
  /** Runs `run` after `ms`; returns a cancel function. */
  setTimer(run: () => void, ms: number): () => void;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/**
 * One Bluetooth device the user added: connects its GATT server, subscribes to every standard
 * health measurement it has, feeds each value to that characteristic's decoder and submits the
 * readings. While the user keeps the device, a dropped link (out of range, cuff switched off
 * between measurements) is retried with a growing delay; subscriptions and decoders are rebuilt
 * on each connection, because the old characteristic objects are dead after a disconnect.
 */
export class BleDeviceLink {
  readonly label: string;
  private state: BleLinkState = 'connecting';
  private error: BleProblem | null = null;
  private protocols: ProtocolId[] = [];
  private lastReadingAt: number | null = null;
  private droppedFrames = 0;
  private kept = true;
  private retryMs = FIRST_RETRY_MS;
  private cancelRetry: (() => void) | null = null;
  private unsubscribes: (() => void)[] = [];
  private readonly onDisconnected = () => this.handleDisconnect();

  constructor(
    private readonly device: WebBluetoothDevice,
    private readonly deps: BleLinkDeps,
    private readonly onChange: () => void,
  ) {
    this.label = bleDeviceLabel(device);
    device.addEventListener('gattserverdisconnected', this.onDisconnected);
  }

  view(): BleDeviceView {
    const { label, state, error, protocols, lastReadingAt, droppedFrames } = this;
    return { key: this.device.id, label, state, error, protocols, lastReadingAt, droppedFrames };
  }

  async connect(): Promise<void> {
    const gatt = this.device.gatt;
    if (!gatt) return this.giveUp(bleProblem('no-gatt'));
    try {
      const server = await gatt.connect();
      if (!this.kept) return server.disconnect();
      const subscribed = await this.subscribeAll(server);
      if (!this.kept) return server.disconnect();
      if (subscribed.length === 0) {
        this.giveUp(bleProblem('no-health-service'));
        return server.disconnect(); // after giveUp: this disconnect must not schedule a retry
      }
      this.protocols = [...new Set(subscribed)];
      this.retryMs = FIRST_RETRY_MS;
      this.update('connected', null);
    } catch (cause) {
      if (this.kept) this.scheduleRetry(bleProblem('connect-failed', cause));
    }
  }

  /** The user removed the device: stop listening and never reconnect. */
  close(): void {
    this.kept = false;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.dropSubscriptions();
    this.device.removeEventListener('gattserverdisconnected', this.onDisconnected);
    if (this.device.gatt?.connected) this.device.gatt.disconnect();
  }

  private async subscribeAll(server: WebBluetoothGattServer): Promise<ProtocolId[]> {
    this.dropSubscriptions();
    const subscribed: ProtocolId[] = [];
    for (const serviceUuid of BLE_HEALTH_SERVICES) {
      // A device has only some of the health services: a missing one rejects (NotFoundError).
      const service = await server.getPrimaryService(serviceUuid).catch(() => null);
      if (service === null) continue;
      for (const profile of bleProfilesForService(serviceUuid)) {
        const characteristic = await service.getCharacteristic(profile.characteristic).catch(() => null);
        if (characteristic === null) continue;
        this.listen(profile, characteristic);
        await characteristic.startNotifications();
        subscribed.push(profile.protocol);
      }
    }
    return subscribed;
  }

  private listen(profile: BleProfile, characteristic: WebBluetoothCharacteristic): void {
    const decoder: Decoder = profile.createDecoder(`${profile.protocol}@${this.label}`, {
      utcOffsetMinutes: this.deps.utcOffsetMinutes(),
      zone: this.deps.clockZone,
      measurementMemory: STATION_MEASUREMENTS,
    });
    const onValue = () => {
      const value = characteristic.value;
      if (!value) return;
      // Copy: the browser may reuse the DataView's buffer for the next notification.
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
      this.handleEvents(decoder.push(bytes, this.deps.now()));
    };
    characteristic.addEventListener('characteristicvaluechanged', onValue);
    this.unsubscribes.push(() => characteristic.removeEventListener('characteristicvaluechanged', onValue));
  }

  private handleEvents(events: readonly DecodeEvent[]): void {
    const readings: Reading[] = [];
    for (const event of events) {
      if (event.kind === 'reading') readings.push(event.reading);
      else if (event.kind === 'frame-error') this.droppedFrames++;
    }
    if (readings.length > 0) {
      this.lastReadingAt = this.deps.now();
      this.deps.submit(readings).then(
        () => this.error !== null && this.update(this.state, null),
        (cause: unknown) => this.update(this.state, bleProblem('submit-failed', cause)),
      );
    }
    this.onChange();
  }

  private handleDisconnect(): void {
    this.dropSubscriptions();
    if (this.kept && this.state !== 'unsupported') this.scheduleRetry(bleProblem('connection-lost'));
  }

  private scheduleRetry(problem: BleProblem): void {
    this.update('reconnecting', problem);
    this.cancelRetry?.();
    const delay = this.retryMs;
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    this.cancelRetry = this.deps.setTimer(() => {
      this.cancelRetry = null;
      void this.connect();
    }, delay);
  }

  private giveUp(problem: BleProblem): void {
    this.update('unsupported', problem);
  }

  private dropSubscriptions(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private update(state: BleLinkState, error: BleProblem | null): void {
    this.state = state;
    this.error = error;
    this.onChange();
  }
}
