import { EventEmitter } from 'node:events';
import type { DeviceSimulator, SimulatorOutput } from '../../src/devices/driver';
import type {
  HidDeviceEntry,
  HidDeviceHandle,
  HidModule,
} from '../../src/core/transports/node-hid-transport';

/** A simulator that may also take feature reports (without the report id), like the Omron one. */
export type FakeHidSimulator = DeviceSimulator & {
  receiveFeatureReport?(bytes: Uint8Array, atMs: number): SimulatorOutput;
};

export interface FakeHidDeviceOptions {
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly simulator: FakeHidSimulator;
  /** Input report size; replies are delivered one report per 'data' event. */
  readonly reportBytes: number;
  /** Numbered reports: input reports arrive with this id first, as hidapi delivers them. */
  readonly reportId?: number;
  readonly product?: string;
}

/**
 * A stand-in for one `node-hid` HIDAsync device (no virtual HID exists on build machines: design
 * §4). It behaves as hidapi does where our transport depends on it: writes and feature reports
 * carry the report id first; input reports come as 'data' events of one report each, on a later
 * turn of the event loop; an unplug makes the read thread fail ('error' event) and later writes
 * reject. Host bytes go to a real driver simulator, which answers byte for byte.
 */
export class FakeHidDevice extends EventEmitter implements HidDeviceHandle {
  readonly writes: Buffer[] = [];
  readonly featureReports: Buffer[] = [];
  /** When true the device takes writes but never answers (it hung mid-download). */
  silent = false;
  isOpen = false;
  private unplugged = false;
  private tickTimer: NodeJS.Timeout | null = null;

  constructor(readonly options: FakeHidDeviceOptions) {
    super();
  }

  get entry(): HidDeviceEntry {
    const { path, vendorId, productId, product } = this.options;
    return { path, vendorId, productId, ...(product ? { product } : {}) };
  }

  opened(): void {
    this.isOpen = true;
    const interval = this.options.simulator.tickIntervalMs;
    this.tickTimer = setInterval(() => this.deliver(this.options.simulator.tick(Date.now())), interval);
  }

  async write(values: number[] | Buffer): Promise<number> {
    this.check('Cannot write to hid device');
    const report = Buffer.from(values);
    this.writes.push(report);
    this.deliver(this.options.simulator.receive(new Uint8Array(report.subarray(1)), Date.now()));
    return report.length;
  }

  async sendFeatureReport(data: number[] | Buffer): Promise<number> {
    this.check('could not send feature report to device');
    const report = Buffer.from(data);
    this.featureReports.push(report);
    const output = this.options.simulator.receiveFeatureReport?.(
      new Uint8Array(report.subarray(1)),
      Date.now(),
    );
    if (output) this.deliver(output);
    return report.length;
  }

  async close(): Promise<void> {
    this.stopTicking();
    this.isOpen = false;
  }

  /** The cable is pulled: the read thread fails, as hidapi's does. */
  unplug(): void {
    this.unplugged = true;
    this.stopTicking();
    setImmediate(() => this.emit('error', new Error('could not read data from device')));
  }

  private check(message: string): void {
    if (!this.isOpen) throw new Error('device has been closed');
    if (this.unplugged) throw new Error(message);
  }

  private deliver(output: SimulatorOutput): void {
    if (this.silent || this.unplugged || output.bytes.length === 0) return;
    const size = this.options.reportBytes;
    const id = this.options.reportId ?? 0;
    for (let i = 0; i < output.bytes.length; i += size) {
      const body = output.bytes.subarray(i, i + size);
      const report = id === 0 ? Buffer.from(body) : Buffer.concat([Buffer.of(id), body]);
      setImmediate(() => {
        if (this.isOpen && !this.unplugged) this.emit('data', report);
      });
    }
  }

  private stopTicking(): void {
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.tickTimer = null;
  }
}

/** A `node-hid` module over fake devices: `devicesAsync` lists them, `HIDAsync.open` opens by path. */
export class FakeHidModule implements HidModule {
  readonly devices = new Map<string, FakeHidDevice>();
  /** When set, every open rejects with this message (hidapi's text, e.g. a permission problem). */
  openError: string | null = null;

  readonly HIDAsync = {
    open: async (path: string): Promise<HidDeviceHandle> => {
      if (this.openError) throw new Error(this.openError);
      const device = this.devices.get(path);
      if (!device) {
        throw new Error(
          `cannot open device with path ${path}: Failed to open a device with path '${path}': No such file or directory`,
        );
      }
      device.opened();
      return device;
    },
  };

  add(options: FakeHidDeviceOptions): FakeHidDevice {
    const device = new FakeHidDevice(options);
    this.devices.set(options.path, device);
    return device;
  }

  async devicesAsync(): Promise<HidDeviceEntry[]> {
    return [...this.devices.values()].map((device) => device.entry);
  }
}
