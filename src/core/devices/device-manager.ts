import type { DeviceDriver } from '../../devices/driver';
import type { DeviceInfo } from '../../shared/domain/devices';
import type { Reading } from '../../shared/domain/readings';
import { isProtocolId } from '../../shared/protocols';
import { AppErrorException, type ErrorCode } from '../../shared/result';
import { TransportError, type TransportFactory } from '../transports/transport';
import { DeviceSession } from './device-session';

export interface DeviceManagerOptions {
  /** Protocol id → driver, or null when no driver implements it (yet). */
  readonly resolveDriver: (protocol: string) => DeviceDriver | null;
  readonly createTransport: TransportFactory;
  readonly noDataTimeoutMs: () => number;
  readonly onReadings: (readings: Reading[]) => void;
  readonly onInfo: (info: DeviceInfo) => void;
}

export interface ConnectOptions {
  readonly simulated?: boolean;
}

/**
 * Owns the device sessions: manual connect / disconnect / list, several devices at once. A device
 * unplugged mid-session stays listed as `disconnected` until it is disconnected or reconnected.
 *
 * Seam for discovery, hot-plug and probing (next issue): a watcher that polls the port list calls
 * `connect(path, protocol)` for matches from the driver registry, and `connect` on a listed
 * `disconnected` id replaces the dead session, which is how a reconnect will work.
 */
export class DeviceManager {
  private readonly sessions = new Map<string, DeviceSession>();

  constructor(private readonly options: DeviceManagerOptions) {}

  async connect(path: string, protocol: string, connectOptions: ConnectOptions = {}): Promise<DeviceInfo> {
    const driver = this.driverOrThrow(protocol);
    const id = `${driver.protocol}@${path}`;
    const existing = this.sessions.get(id);
    if (existing && existing.info.state !== 'disconnected' && existing.info.state !== 'error')
      return existing.info;
    if (existing) await this.disconnect(id);

    const session = new DeviceSession({
      driver,
      transport: this.options.createTransport(path, driver.link),
      simulated: connectOptions.simulated ?? false,
      noDataTimeoutMs: this.options.noDataTimeoutMs,
    });
    session.onReadings(this.options.onReadings);
    session.onInfo(this.options.onInfo);
    this.sessions.set(id, session);
    this.options.onInfo(session.info);
    try {
      await session.start();
    } catch (error) {
      this.sessions.delete(id);
      throw toAppError(error, path);
    }
    return session.info;
  }

  async disconnect(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session)
      throw new AppErrorException('not-found', `no connected device with id ${JSON.stringify(id)}`);
    this.sessions.delete(id);
    await session.stop();
  }

  list(): DeviceInfo[] {
    return [...this.sessions.values()].map((session) => session.info);
  }

  async closeAll(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(sessions.map((session) => session.stop()));
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
