import type { DeviceDriver, Decoder } from '../../devices/driver';
import { hostOf } from '../../devices/host';
import type { DeviceErrorCode, DeviceInfo, DeviceState } from '../../shared/domain/devices';
import type { Reading } from '../../shared/domain/readings';
import { ListenerSet } from '../listeners';
import { mergeWaveformRuns } from '../readings/merge-waveforms';
import { TransportError, type ByteTransport, type TransportCloseEvent } from '../transports/transport';
import { HostRunner } from './host-runner';

export interface DeviceSessionOptions {
  readonly driver: DeviceDriver;
  readonly transport: ByteTransport;
  /** True when a simulator feeds the port: every screen marks the device SIMULATED. */
  readonly simulated: boolean;
  /** Read at each arm of the watchdog, so a settings change applies without reconnecting. */
  readonly noDataTimeoutMs: () => number;
  /** Epoch ms for host steps; defaults to Date.now. */
  readonly now?: () => number;
  /** Carried over from the session this one replaces after a reconnect, so the UI keeps the age. */
  readonly lastReadingAt?: number | null;
}

/** Bound on each host write: the Contec spec drops the link after 1 s without a reply. */
const HOST_WRITE_TIMEOUT_MS = 1000;

/**
 * One connected device: transport ↔ decoder. Readings of each received chunk leave at once as one
 * batch (no timer batching: device-to-screen latency is the budget), with waveform samples merged.
 *
 * States: `connecting` → `streaming` (first valid frame) → `no-data` (no valid frame for the
 * no-data timeout) → `streaming` …; the port going away → `disconnected`; open failure → `error`;
 * a host step reporting a failure (`timeout`, `protocol`) → `error` with that code, port closed.
 * The driver's host side (its HostProtocol, or its fixed script adapted to one) runs in a HostRunner.
 * `onInfo` fires when the state, the error or the dropped-frame count changes (not for every
 * reading: `info.lastReadingAt` is kept current for whoever lists devices).
 */
export class DeviceSession {
  readonly id: string;
  private readonly decoder: Decoder;
  private readonly readingListeners = new ListenerSet<[Reading[]]>();
  private readonly infoListeners = new ListenerSet<[DeviceInfo]>();
  private current: DeviceInfo;
  private readonly runner: HostRunner;
  private noDataTimer: NodeJS.Timeout | null = null;
  private unsubscribers: (() => void)[] = [];
  private stopping = false;
  private failed = false;

  constructor(private readonly options: DeviceSessionOptions) {
    const { driver, transport } = options;
    this.id = `${driver.protocol}@${transport.path}`;
    this.decoder = driver.createDecoder(this.id);
    this.runner = new HostRunner({
      host: hostOf(driver),
      transport,
      now: options.now ?? Date.now,
      writeTimeoutMs: HOST_WRITE_TIMEOUT_MS,
      onStepError: (error) => void this.fail(error),
      onWriteError: (failure) => {
        if (!this.stopping) this.update({ error: { code: failure.code, message: failure.message } });
      },
    });
    this.current = {
      id: this.id,
      protocol: driver.protocol,
      name: driver.name,
      transport: transport.kind,
      path: transport.path,
      state: 'connecting',
      error: null,
      simulated: options.simulated,
      lastReadingAt: options.lastReadingAt ?? null,
      droppedFrames: 0,
    };
  }

  get info(): DeviceInfo {
    return this.current;
  }

  onReadings(listener: (readings: Reading[]) => void): () => void {
    return this.readingListeners.add(listener);
  }

  onInfo(listener: (info: DeviceInfo) => void): () => void {
    return this.infoListeners.add(listener);
  }

  /** Opens the port and runs the driver's open step. Rejects (state `error`) if the port does not open. */
  async start(): Promise<void> {
    const { transport } = this.options;
    this.unsubscribers.push(
      transport.onData((chunk, atMs) => this.handleChunk(chunk, atMs)),
      transport.onClose((event) => this.handleClose(event)),
    );
    try {
      await transport.open();
    } catch (error) {
      this.detach();
      const failure = asTransportError(error, 'open-failed');
      this.update({ state: 'error', error: { code: failure.code, message: failure.message } });
      throw failure;
    }
    if (this.stopping) {
      // stop() ran while the port was opening: it found nothing to close, so close here.
      await transport.close();
      return;
    }
    this.armNoDataWatchdog();
    await this.runner.start();
  }

  /** Sends the driver's close step, closes the port and releases every timer. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.clearTimers();
    const { transport } = this.options;
    await this.runner.stop(true);
    await transport.close();
    this.detach();
    if (this.current.state !== 'error' && this.current.state !== 'disconnected') {
      this.update({ state: 'disconnected', error: null });
    }
    this.readingListeners.clear();
    this.infoListeners.clear();
  }

  private handleChunk(chunk: Uint8Array, atMs: number): void {
    const framesBefore = this.decoder.stats.frames;
    const events = this.decoder.push(chunk, atMs);
    const readings: Reading[] = [];
    for (const event of events) if (event.kind === 'reading') readings.push(event.reading);

    const sawFrame = this.decoder.stats.frames > framesBefore;
    if (sawFrame) this.armNoDataWatchdog();
    const changes: Partial<DeviceInfo> = {};
    if (sawFrame && this.current.state !== 'streaming') changes.state = 'streaming';
    if (this.decoder.stats.dropped !== this.current.droppedFrames)
      changes.droppedFrames = this.decoder.stats.dropped;
    if (readings.length > 0) this.current = { ...this.current, lastReadingAt: atMs };
    if (Object.keys(changes).length > 0) this.update(changes);
    if (readings.length > 0) this.readingListeners.emit(mergeWaveformRuns(readings));
    this.runner.handle(events, atMs);
  }

  /** The device failed at the protocol level: state `error` with the step's code, port closed. */
  private async fail(error: { code: DeviceErrorCode; message: string }): Promise<void> {
    if (this.stopping || this.failed) return;
    this.failed = true;
    this.clearTimers();
    this.update({ state: 'error', error });
    await this.runner.stop(true);
    await this.options.transport.close();
  }

  private handleClose(event: TransportCloseEvent): void {
    this.clearTimers();
    void this.runner.stop(false);
    this.decoder.reset();
    if (this.stopping || this.failed) return;
    const error = event.error ?? new TransportError('disconnected', `${this.current.path}: port closed`);
    this.update({ state: 'disconnected', error: { code: error.code, message: error.message } });
  }

  private armNoDataWatchdog(): void {
    if (this.noDataTimer) clearTimeout(this.noDataTimer);
    this.noDataTimer = setTimeout(() => {
      this.noDataTimer = null;
      this.setState('no-data');
    }, this.options.noDataTimeoutMs());
  }

  private setState(state: DeviceState): void {
    if (this.current.state !== state) this.update({ state });
  }

  private update(changes: Partial<DeviceInfo>): void {
    this.current = { ...this.current, ...changes };
    this.infoListeners.emit(this.current);
  }

  private clearTimers(): void {
    if (this.noDataTimer) clearTimeout(this.noDataTimer);
    this.noDataTimer = null;
  }

  private detach(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
  }
}

function asTransportError(error: unknown, fallback: DeviceErrorCode): TransportError {
  if (error instanceof TransportError) return error;
  return new TransportError(fallback, error instanceof Error ? error.message : String(error));
}
