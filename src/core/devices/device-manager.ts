import type { DeviceDriver } from '../../devices/driver';
import type { DeviceInfo } from '../../shared/domain/devices';
import type { Reading } from '../../shared/domain/readings';
import { isProtocolId } from '../../shared/protocols';
import { AppErrorException, type ErrorCode } from '../../shared/result';
import { TransportError, type TransportFactory } from '../transports/transport';
import type { Backoff } from './backoff';
import { DeviceSession } from './device-session';
import { ManagedDevice } from './managed-device';

export interface DeviceManagerOptions {
  /** Protocol id → driver, or null when no driver implements it (yet). */
  readonly resolveDriver: (protocol: string) => DeviceDriver | null;
  readonly createTransport: TransportFactory;
  readonly noDataTimeoutMs: () => number;
  readonly onReadings: (readings: Reading[]) => void;
  readonly onInfo: (info: DeviceInfo) => void;
  /** Reconnect delays per device; defaults to 0.5 s doubling to 8 s. */
  readonly createBackoff?: () => Backoff;
}

export interface ConnectOptions {
  readonly simulated?: boolean;
}

/**
 * Owns the devices: connect / disconnect / list, several devices at once, each in its own session.
 * A device unplugged mid-session stays listed as `disconnected` and its ManagedDevice retries the
 * path with backoff until the port is back or the device is disconnected; discovery (hot-plug)
 * shortens the wait with `portAppeared`. `connect` on a listed id that ended replaces its session.
 */
export class DeviceManager {
  private readonly devices = new Map<string, ManagedDevice>();

  constructor(private readonly options: DeviceManagerOptions) {}

  async connect(path: string, protocol: string, connectOptions: ConnectOptions = {}): Promise<DeviceInfo> {
    const driver = this.driverOrThrow(protocol);
    const id = `${driver.protocol}@${path}`;
    const existing = this.devices.get(id);
    if (existing && existing.info.state !== 'disconnected' && existing.info.state !== 'error')
      return existing.info;
    if (existing) await this.disconnect(id);

    const simulated = connectOptions.simulated ?? false;
    const device = new ManagedDevice({
      driver,
      path,
      createSession: (lastReadingAt) =>
        new DeviceSession({
          driver,
          transport: this.options.createTransport(path, driver.link),
          simulated,
          noDataTimeoutMs: this.options.noDataTimeoutMs,
          lastReadingAt,
        }),
      onReadings: this.options.onReadings,
      onInfo: this.options.onInfo,
      ...(this.options.createBackoff ? { backoff: this.options.createBackoff() } : {}),
    });
    this.devices.set(id, device);
    try {
      return await device.start();
    } catch (error) {
      this.devices.delete(id);
      throw toAppError(error, path);
    }
  }

  async disconnect(id: string): Promise<void> {
    const device = this.devices.get(id);
    if (!device)
      throw new AppErrorException('not-found', `no connected device with id ${JSON.stringify(id)}`);
    this.devices.delete(id);
    await device.stop();
  }

  list(): DeviceInfo[] {
    return [...this.devices.values()].map((device) => device.info);
  }

  /** The devices on a path (one per protocol connected there). */
  onPath(path: string): DeviceInfo[] {
    return [...this.devices.values()].filter((d) => d.path === path).map((d) => d.info);
  }

  /** Discovery saw `path` (again): devices waiting for it retry now. */
  portAppeared(path: string): void {
    for (const device of this.devices.values()) if (device.path === path) device.retryNow();
  }

  async closeAll(): Promise<void> {
    const devices = [...this.devices.values()];
    this.devices.clear();
    await Promise.all(devices.map((device) => device.stop()));
  }

  private driverOrThrow(protocol: string): DeviceDriver {
    if (!isProtocolId(protocol))
      throw new AppErrorException('bad-request', `unknown protocol ${JSON.stringify(protocol)}`);
    const driver = this.options.resolveDriver(protocol);
    if (!driver) throw new AppErrorException('unavailable', `no driver for protocol ${protocol} yet`);
    return driver;
  }
}

function toAppError(error: unknown, path: string): AppErrorException {
  if (!(error instanceof TransportError)) {
    return new AppErrorException(
      'internal',
      `${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const codes: Partial<Record<TransportError['code'], ErrorCode>> = {
    'not-found': 'not-found',
    'permission-denied': 'forbidden',
    timeout: 'timeout',
  };
  return new AppErrorException(codes[error.code] ?? 'unavailable', error.message);
}
