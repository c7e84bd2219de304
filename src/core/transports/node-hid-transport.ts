import * as nodeHid from 'node-hid';
import type { HidLinkSettings } from '../../devices/driver';
import type { DeviceErrorCode } from '../../shared/domain/devices';
import type { DiscoveredPort } from '../discovery/discovered-port';
import { ListenerSet } from '../listeners';
import { HidWriteQueue } from './hid-write-queue';
import {
  DEFAULT_WRITE_TIMEOUT_MS,
  TransportError,
  type ByteTransport,
  type TransportCloseEvent,
} from './transport';

/**
 * The only file that imports `node-hid` (lint-enforced). Wraps one HID device in `ByteTransport`:
 * each input report is one chunk (report id stripped for numbered reports), each write one output
 * report (report id prefixed, zero-padded to the link's report size), feature reports for mode
 * changes, all writes serialised with a timeout. The read thread failing while open means the
 * device went away: `close` with `disconnected: true`.
 */

/** The parts of node-hid we use, so tests can inject a fake device (no virtual HID exists here). */
export interface HidDeviceHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
  write(values: number[] | Buffer): Promise<number>;
  sendFeatureReport(data: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
}

export interface HidDeviceEntry {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string;
  readonly serialNumber?: string;
  readonly manufacturer?: string;
  readonly product?: string;
}

export interface HidModule {
  readonly HIDAsync: { open(path: string): Promise<HidDeviceHandle> };
  devicesAsync(): Promise<HidDeviceEntry[]>;
}

export interface HidTransportOptions {
  readonly hid?: HidModule;
  /** For the error text: Linux needs udev rules. */
  readonly platform?: NodeJS.Platform;
}

const realHid = nodeHid as unknown as HidModule;
/** Closing the native handle waits for its read thread; never let a stuck one hang a close. */
const CLOSE_TIMEOUT_MS = 2000;
export const UDEV_HINT =
  'install the station udev rules (70-teleconsult-station.rules in /etc/udev/rules.d, then ' +
  '"sudo udevadm control --reload-rules && sudo udevadm trigger") and replug the device';

export function createHidTransport(
  path: string,
  link: HidLinkSettings,
  now: () => number = Date.now,
  options: HidTransportOptions = {},
): ByteTransport & { writeFeatureReport(bytes: Uint8Array, timeoutMs?: number): Promise<void> } {
  return new HidTransport(path, link, now, options.hid ?? realHid, options.platform ?? process.platform);
}

/** HID devices the OS reports; a failed listing is an empty list (discovery must not throw). */
export async function listHidPorts(hid: HidModule = realHid): Promise<DiscoveredPort[]> {
  let devices: HidDeviceEntry[];
  try {
    devices = await hid.devicesAsync();
  } catch (error) {
    console.warn('HID listing failed:', error instanceof Error ? error.message : error);
    return [];
  }
  const ports: DiscoveredPort[] = [];
  const seen = new Set<string>();
  for (const device of devices) {
    // One device node per path: composite devices list each interface/usage separately.
    if (!device.path || seen.has(device.path)) continue;
    seen.add(device.path);
    ports.push({
      path: device.path,
      transport: 'hid',
      vendorId: device.vendorId,
      productId: device.productId,
      ...(device.serialNumber ? { serialNumber: device.serialNumber } : {}),
      ...(device.manufacturer ? { manufacturer: device.manufacturer } : {}),
      ...(device.product ? { product: device.product } : {}),
    });
  }
  return ports;
}

class HidTransport implements ByteTransport {
  readonly kind = 'hid' as const;
  private device: HidDeviceHandle | null = null;
  private opening = false;
  private closing = false;
  private closed = false;
  private readonly queue = new HidWriteQueue();
  private readonly dataListeners = new ListenerSet<[Uint8Array, number]>();
  private readonly closeListeners = new ListenerSet<[TransportCloseEvent]>();

  constructor(
    readonly path: string,
    private readonly link: HidLinkSettings,
    private readonly now: () => number,
    private readonly hid: HidModule,
    private readonly platform: NodeJS.Platform,
  ) {}

  get isOpen(): boolean {
    return this.device !== null && !this.closing;
  }

  async open(): Promise<void> {
    if (this.opening || this.device || this.closed)
      throw new TypeError(`${this.path}: transport already opened`);
    this.opening = true;
    let device: HidDeviceHandle;
    try {
      device = await this.hid.HIDAsync.open(this.path);
    } catch (error) {
      this.opening = false;
      throw hidOpenError(this.path, error, this.platform);
    }
    this.device = device;
    device.on('data', (data: Buffer) => this.handleReport(data));
    device.on('error', (error: Error) => void this.handleLoss(error));
  }

  write(bytes: Uint8Array, timeoutMs = DEFAULT_WRITE_TIMEOUT_MS): Promise<void> {
    const size = this.link.reportBytes;
    if (bytes.length > size) {
      return Promise.reject(
        new TransportError('write-failed', `${this.path}: ${bytes.length}-byte report exceeds ${size} bytes`),
      );
    }
    const report = Buffer.alloc(size + 1);
    report[0] = this.link.reportId;
    report.set(bytes, 1);
    return this.enqueue('write', (device) => device.write(report), timeoutMs);
  }

  /** A feature report (e.g. a mode change): the report id is prefixed, nothing padded. */
  writeFeatureReport(bytes: Uint8Array, timeoutMs = DEFAULT_WRITE_TIMEOUT_MS): Promise<void> {
    const report = Buffer.alloc(bytes.length + 1);
    report[0] = this.link.reportId;
    report.set(bytes, 1);
    return this.enqueue('feature report', (device) => device.sendFeatureReport(report), timeoutMs);
  }

  async close(): Promise<void> {
    const device = this.device;
    if (!device || this.closing) return;
    this.closing = true;
    await this.release(device);
    this.finish({ disconnected: false });
  }

  onData(listener: (chunk: Uint8Array, atMs: number) => void): () => void {
    return this.dataListeners.add(listener);
  }

  onClose(listener: (event: TransportCloseEvent) => void): () => void {
    return this.closeListeners.add(listener);
  }

  private enqueue(
    what: string,
    op: (device: HidDeviceHandle) => Promise<unknown>,
    timeoutMs: number,
  ): Promise<void> {
    const device = this.device;
    if (!device || this.closing) {
      return Promise.reject(new TransportError('write-failed', `${this.path}: device is not open`));
    }
    return this.queue.run(
      async () => {
        if (!this.isOpen) throw new TransportError('write-failed', `${this.path}: device is not open`);
        try {
          await op(device);
        } catch (error) {
          throw new TransportError('write-failed', `${this.path}: ${what} failed: ${messageOf(error)}`);
        }
      },
      timeoutMs,
      () => new TransportError('timeout', `${this.path}: ${what} timed out after ${timeoutMs} ms`),
    );
  }

  private handleReport(data: Buffer): void {
    if (this.closing) return;
    let view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    // hidapi puts the report number first for numbered reports only.
    if (this.link.reportId !== 0 && view.length > 0) view = view.subarray(1);
    this.dataListeners.emit(view, this.now());
  }

  /** The read thread failed while we had not asked to close: the device is gone. */
  private async handleLoss(error: Error): Promise<void> {
    const device = this.device;
    if (!device || this.closing) return;
    this.closing = true;
    await this.release(device);
    this.finish({
      disconnected: true,
      error: new TransportError('disconnected', `${this.path}: device disconnected (${error.message})`),
    });
  }

  private async release(device: HidDeviceHandle): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        device.close(),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS))),
      ]);
    } catch {
      // An unplugged device may fail to close; the handle is released either way.
    } finally {
      clearTimeout(timer);
      device.removeAllListeners();
    }
  }

  private finish(event: TransportCloseEvent): void {
    this.device = null;
    this.closed = true;
    this.queue.failPending(new TransportError('write-failed', `${this.path}: device closed`));
    this.closeListeners.emit(event);
  }
}

/** node-hid gives no errno, only hidapi's text ("cannot open device with path …: <strerror>"). */
export function hidOpenError(path: string, error: unknown, platform: NodeJS.Platform): TransportError {
  const text = messageOf(error);
  const code = hidOpenErrorCode(text, platform);
  const hint = code === 'permission-denied' && platform === 'linux' ? ` — ${UDEV_HINT}` : '';
  return new TransportError(code, `${path}: ${text}${hint}`);
}

export function hidOpenErrorCode(text: string, platform: NodeJS.Platform): DeviceErrorCode {
  if (/ENOENT|ENODEV|no such file|no such device|not found/i.test(text)) return 'not-found';
  if (/EACCES|EPERM|permission denied|operation not permitted|access denied/i.test(text))
    return 'permission-denied';
  // On Linux, a hidraw node that exists but does not open is almost always a missing udev rule.
  if (platform === 'linux' && /cannot open device/i.test(text)) return 'permission-denied';
  return 'open-failed';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
