import { ListenerSet } from '../../src/core/listeners';
import {
  TransportError,
  type ByteTransport,
  type TransportCloseEvent,
} from '../../src/core/transports/transport';
import type { TransportKind } from '../../src/shared/domain/devices';

/**
 * An in-memory ByteTransport modelled on serialport's MockBinding: the test plays the device with
 * `emitData` (device → host) and reads what the host sent from `written` / `lastWrite`.
 */
export class FakeTransport implements ByteTransport {
  readonly kind: TransportKind = 'serial';
  readonly written: Uint8Array[] = [];
  /** When set, `open()` rejects with it. */
  openError: TransportError | null = null;
  /** When true, writes never complete (like a write after an unplug) until their timeout. */
  hangWrites = false;
  private open_ = false;
  private readonly data = new ListenerSet<[Uint8Array, number]>();
  private readonly closes = new ListenerSet<[TransportCloseEvent]>();

  constructor(readonly path = '/dev/ttyFAKE0') {}

  get isOpen(): boolean {
    return this.open_;
  }

  get lastWrite(): Uint8Array | undefined {
    return this.written.at(-1);
  }

  async open(): Promise<void> {
    if (this.openError) throw this.openError;
    this.open_ = true;
  }

  write(bytes: Uint8Array, timeoutMs = 1000): Promise<void> {
    if (!this.open_) return Promise.reject(new TransportError('write-failed', 'not open'));
    if (this.hangWrites) {
      return new Promise((_, reject) =>
        setTimeout(() => reject(new TransportError('timeout', 'write timed out')), timeoutMs),
      );
    }
    this.written.push(bytes.slice());
    return Promise.resolve();
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.closes.emit({ disconnected: false });
  }

  onData(listener: (chunk: Uint8Array, atMs: number) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (event: TransportCloseEvent) => void): () => void {
    return this.closes.add(listener);
  }

  /** Device → host bytes, as if they just arrived. */
  emitData(bytes: Uint8Array | number[], atMs = Date.now()): void {
    this.data.emit(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes), atMs);
  }

  /** The device goes away under the host (USB unplug). */
  unplug(): void {
    if (!this.open_) return;
    this.open_ = false;
    this.closes.emit({
      disconnected: true,
      error: new TransportError('disconnected', `${this.path}: device disconnected`),
    });
  }
}
