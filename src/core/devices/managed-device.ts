import type { DeviceDriver } from '../../devices/driver';
import type { DeviceInfo } from '../../shared/domain/devices';
import type { Reading } from '../../shared/domain/readings';
import { TransportError } from '../transports/transport';
import { Backoff } from './backoff';
import type { DeviceSession } from './device-session';

export interface ManagedDeviceOptions {
  readonly driver: DeviceDriver;
  readonly path: string;
  /** A fresh session on a fresh transport (a transport opens once). */
  readonly createSession: (lastReadingAt: number | null) => DeviceSession;
  readonly onReadings: (readings: Reading[]) => void;
  readonly onInfo: (info: DeviceInfo) => void;
  readonly backoff?: Backoff;
}

/** Session endings worth retrying: the port went away, or the device stopped answering. */
const RETRIED_CODES = new Set(['disconnected', 'timeout']);
/** Open failures that mean "not back yet": retried without showing an error. */
const NOT_BACK_CODES = new Set(['not-found', 'disconnected']);

/**
 * One device id across sessions. When its session ends on an unplug (or a device timeout), it
 * retries the same path with backoff (0.5 s → 8 s), which is how a device on a pty or any port the
 * OS does not list comes back; discovery can also say "the port is back" (`retryNow`). Attempts that
 * find no port stay `disconnected`; other open failures (permission denied) show as `error` and are
 * retried too, since a fixed udev rule or a freed port should not need a click.
 */
export class ManagedDevice {
  readonly id: string;
  private session: DeviceSession | null = null;
  /** Set while a failed reconnect attempt's error is what the device shows. */
  private attemptError: DeviceInfo | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt: Promise<void> | null = null;
  private readonly backoff: Backoff;
  private stopped = false;

  constructor(private readonly options: ManagedDeviceOptions) {
    this.id = `${options.driver.protocol}@${options.path}`;
    this.backoff = options.backoff ?? new Backoff();
  }

  get path(): string {
    return this.options.path;
  }

  get protocol(): string {
    return this.options.driver.protocol;
  }

  get info(): DeviceInfo {
    return this.attemptError ?? this.current().info;
  }

  private current(): DeviceSession {
    if (!this.session) throw new Error(`${this.id}: not started`);
    return this.session;
  }

  /** First connect: rejects (and ends) if the port does not open. */
  async start(): Promise<DeviceInfo> {
    await this.open(false);
    return this.info;
  }

  /** Discovery saw the port again: try at once instead of waiting out the backoff. */
  retryNow(): void {
    if (this.stopped || this.retryTimer === null) return;
    this.backoff.reset();
    this.scheduleRetry(0);
  }

  /** True while the device waits for its port to come back. */
  get waitingForPort(): boolean {
    return this.retryTimer !== null || this.attempt !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearRetry();
    await this.attempt;
    await this.session?.stop();
  }

  private async open(quiet: boolean): Promise<void> {
    const session = this.options.createSession(this.session?.info.lastReadingAt ?? null);
    let opening = true;
    let publishedWhileOpening = false;
    session.onReadings(this.options.onReadings);
    session.onInfo((info) => {
      // A failed reconnect attempt is reported below, once, not as the new session's own error.
      if (opening && quiet && info.state === 'error') return;
      if (opening) publishedWhileOpening = true;
      this.publish(info);
      if (!opening) this.afterChange(info);
    });
    if (!quiet) {
      this.session = session;
      this.publish(session.info);
    }
    try {
      await session.start();
    } catch (error) {
      await session.stop();
      if (!quiet) throw error;
      const code = error instanceof TransportError ? error.code : 'open-failed';
      if (!NOT_BACK_CODES.has(code)) {
        const message = error instanceof Error ? error.message : String(error);
        this.attemptError = { ...this.current().info, state: 'error', error: { code, message } };
        this.options.onInfo(this.attemptError);
      }
      this.scheduleRetry(this.backoff.next());
      return;
    }
    opening = false;
    const previous = this.session;
    this.session = session;
    if (previous && previous !== session) await previous.stop();
    if (quiet) {
      this.backoff.reset();
      // Said once: a reading that came while the open step ran has already said 'streaming'.
      if (!publishedWhileOpening) this.publish(session.info);
    }
    // The port may have gone again while the open step ran.
    this.afterChange(session.info);
  }

  private afterChange(info: DeviceInfo): void {
    if (this.stopped || this.retryTimer !== null) return;
    const ended = info.state === 'disconnected' || info.state === 'error';
    if (ended && info.error && RETRIED_CODES.has(info.error.code)) this.scheduleRetry(this.backoff.next());
  }

  private scheduleRetry(delayMs: number): void {
    this.clearRetry();
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.attempt = this.open(true).finally(() => (this.attempt = null));
    }, delayMs);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private publish(info: DeviceInfo): void {
    this.attemptError = null;
    this.options.onInfo(info);
  }
}
