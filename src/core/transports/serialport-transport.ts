import { SerialPort } from 'serialport';
import type { SerialLinkSettings } from '../../devices/driver';
import type { DeviceErrorCode } from '../../shared/domain/devices';
import { ListenerSet } from '../listeners';
import {
  DEFAULT_WRITE_TIMEOUT_MS,
  TransportError,
  type ByteTransport,
  type TransportCloseEvent,
} from './transport';

/**
 * The only file that imports `serialport` (lint-enforced). Wraps one port in `ByteTransport`:
 * typed open errors, a bounded write (a write after an unplug never calls back: see
 * reference/build-environment.md), and `close` with `disconnected: true` when the device goes away.
 */
export function createSerialTransport(
  path: string,
  link: SerialLinkSettings,
  now: () => number = Date.now,
): ByteTransport {
  return new SerialPortTransport(path, link, now);
}

/** One entry of the OS port list, with the USB ids the driver registry matches on. */
export interface SerialPortEntry {
  readonly path: string;
  readonly vendorId: number | null;
  readonly productId: number | null;
  readonly manufacturer: string | null;
  readonly serialNumber: string | null;
}

export async function listSerialPorts(): Promise<SerialPortEntry[]> {
  // Typed locally: the binding's PortInfo type lives in a package we may not import by name.
  const ports = (await SerialPort.list()) as OsPortInfo[];
  return ports.map((port) => ({
    path: port.path,
    vendorId: parseHexId(port.vendorId),
    productId: parseHexId(port.productId),
    manufacturer: port.manufacturer ?? null,
    serialNumber: port.serialNumber ?? null,
  }));
}

interface OsPortInfo {
  readonly path: string;
  readonly vendorId?: string;
  readonly productId?: string;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
}

class SerialPortTransport implements ByteTransport {
  readonly kind = 'serial' as const;
  private port: SerialPort | null = null;
  private readonly dataListeners = new ListenerSet<[Uint8Array, number]>();
  private readonly closeListeners = new ListenerSet<[TransportCloseEvent]>();

  constructor(
    readonly path: string,
    private readonly link: SerialLinkSettings,
    private readonly now: () => number,
  ) {}

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  open(): Promise<void> {
    if (this.port) return Promise.reject(new TypeError(`${this.path}: transport already opened`));
    const port = new SerialPort({
      path: this.path,
      baudRate: this.link.baudRate,
      dataBits: this.link.dataBits,
      parity: this.link.parity,
      stopBits: this.link.stopBits,
      rtscts: this.link.rtscts ?? false,
      xon: this.link.xonxoff ?? false,
      xoff: this.link.xonxoff ?? false,
      autoOpen: false,
    });
    this.port = port;
    port.on('data', (chunk: Buffer) => {
      const view = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      this.dataListeners.emit(view, this.now());
    });
    // Without a listener an 'error' event would throw; failures surface through open/write/close.
    port.on('error', () => undefined);
    port.once('close', (error: (Error & { disconnected?: boolean }) | null) => {
      const disconnected = error?.disconnected === true;
      this.closeListeners.emit(
        disconnected
          ? { disconnected, error: new TransportError('disconnected', `${this.path}: device disconnected`) }
          : { disconnected },
      );
    });
    return new Promise((resolve, reject) => {
      port.open((error) => {
        if (!error) return resolve();
        port.removeAllListeners();
        this.port = null;
        reject(new TransportError(openErrorCode(error), `${this.path}: ${error.message}`));
      });
    });
  }

  write(bytes: Uint8Array, timeoutMs = DEFAULT_WRITE_TIMEOUT_MS): Promise<void> {
    const port = this.port;
    if (!port?.isOpen)
      return Promise.reject(new TransportError('write-failed', `${this.path}: port is not open`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new TransportError('timeout', `${this.path}: write timed out after ${timeoutMs} ms`)),
        timeoutMs,
      );
      port.write(bytes, (error) => {
        clearTimeout(timer);
        if (error) reject(new TransportError('write-failed', `${this.path}: ${error.message}`));
        else resolve();
      });
    });
  }

  close(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => {
      // Resolve on the close event, so listeners have run; a failing close still closes the fd.
      port.once('close', () => resolve());
      port.close((error) => {
        if (error && port.isOpen) resolve();
      });
    });
  }

  onData(listener: (chunk: Uint8Array, atMs: number) => void): () => void {
    return this.dataListeners.add(listener);
  }

  onClose(listener: (event: TransportCloseEvent) => void): () => void {
    return this.closeListeners.add(listener);
  }
}

/** The binding reports errno only in the message text ("No such file or directory, cannot open …"). */
export function openErrorCode(error: Error & { code?: unknown }): DeviceErrorCode {
  const text = `${typeof error.code === 'string' ? error.code : ''} ${error.message}`;
  if (/EACCES|EPERM|permission denied|operation not permitted/i.test(text)) return 'permission-denied';
  if (/ENOENT|ENODEV|ENXIO|no such file|no such device|file not found|cannot find/i.test(text))
    return 'not-found';
  return 'open-failed';
}

function parseHexId(value: string | undefined): number | null {
  if (value === undefined || !/^[0-9a-f]{1,4}$/i.test(value)) return null;
  return Number.parseInt(value, 16);
}
