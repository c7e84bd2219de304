import type { DecodeEvent, HostProtocol, HostStep, HostWrite } from '../../devices/driver';
import type { DeviceErrorCode } from '../../shared/domain/devices';
import { TransportError, type ByteTransport } from '../transports/transport';

export interface HostRunnerOptions {
  readonly host: HostProtocol;
  readonly transport: ByteTransport;
  readonly now: () => number;
  /** Bound on each write: a write after an unplug never completes (see transport.ts). */
  readonly writeTimeoutMs: number;
  /** A step said the device failed (`timeout`, `protocol`): the owner ends the session. */
  readonly onStepError: (error: { code: DeviceErrorCode; message: string }) => void;
  /** A write failed or timed out while the port is still open. */
  readonly onWriteError: (error: TransportError) => void;
}

/**
 * Runs a HostProtocol on an open transport: the one place host bytes leave the station. Writes
 * are chained, so they reach the port in the order steps produced them even when a reply is
 * computed while an earlier write is still pending; `tick` runs on a timer while started.
 */
export class HostRunner {
  private tickTimer: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();
  private running = false;
  private started = false;
  private closeSent = false;
  private failed = false;

  constructor(private readonly options: HostRunnerOptions) {}

  /** Writes the open step and starts ticking; resolves once the open step's writes are done. */
  async start(): Promise<void> {
    this.running = true;
    this.started = true;
    this.apply(this.options.host.open(this.options.now()));
    await this.queue;
    const interval = this.options.host.tickIntervalMs;
    if (this.running && Number.isFinite(interval) && interval > 0) {
      this.tickTimer = setInterval(() => this.apply(this.options.host.tick(this.options.now())), interval);
    }
  }

  /** Feeds decode events (in order) to the host and sends what it answers. */
  handle(events: readonly DecodeEvent[], atMs: number): void {
    for (const event of events) {
      if (!this.running) return;
      this.apply(this.options.host.onEvent(event, atMs));
    }
  }

  /**
   * Stops ticking; with `sendClose`, writes the close step first (also after a step error: a device
   * that misbehaved is still told goodbye). Resolves when writes are done.
   */
  async stop(sendClose: boolean): Promise<void> {
    this.clearTimer();
    if (this.started && sendClose && !this.closeSent && this.options.transport.isOpen) {
      this.closeSent = true;
      this.apply(this.options.host.close(this.options.now()), true);
    }
    this.running = false;
    await this.queue;
  }

  private apply(step: HostStep, closing = false): void {
    for (const write of step.writes) this.enqueue(write);
    if (step.error && !closing && !this.failed) {
      this.failed = true;
      this.running = false;
      this.clearTimer();
      this.options.onStepError({ code: step.error.code, message: step.error.message });
    }
  }

  private enqueue(write: HostWrite): void {
    this.queue = this.queue.then(() => this.write(write));
  }

  private async write(write: HostWrite): Promise<void> {
    const { transport, writeTimeoutMs } = this.options;
    if (!transport.isOpen) return;
    try {
      if (write instanceof Uint8Array) {
        await transport.write(write, writeTimeoutMs);
      } else if (transport.writeFeatureReport) {
        await transport.writeFeatureReport(write.featureReport, writeTimeoutMs);
      } else {
        throw new TransportError(
          'write-failed',
          `${transport.path}: the driver asked for a feature report, which only a HID transport sends`,
        );
      }
    } catch (error) {
      // The port may have gone away mid-step; the close handler reports that, not this write.
      if (!transport.isOpen) return;
      this.options.onWriteError(
        error instanceof TransportError
          ? error
          : new TransportError('write-failed', error instanceof Error ? error.message : String(error)),
      );
    }
  }

  private clearTimer(): void {
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.tickTimer = null;
  }
}
