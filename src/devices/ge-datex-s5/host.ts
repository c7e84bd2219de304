import { NO_STEP, type DecodeEvent, type HostProtocol, type HostStep } from '../driver';
import { requestDisplayedValues, stopDisplayedValues } from './commands';
import { REREQUEST_AFTER_INTERVALS } from './constants';

/**
 * The station's side of the S/5 computer interface: ask for displayed values on open; the monitor
 * then sends them on its own every interval. A monitor that was switched off, restarted or
 * unplugged forgets the request, so after a few silent intervals the request goes out again — not
 * an error: the session's no-data state already tells the user. On close, a zero-interval request
 * stops the transmission.
 */
export class GeDatexS5Host implements HostProtocol {
  readonly tickIntervalMs = 500;
  private lastRecordMs = 0;
  private lastRequestMs = 0;

  constructor(private readonly intervalS: number) {}

  open(atMs: number): HostStep {
    return this.request(atMs);
  }

  onEvent(event: DecodeEvent, atMs: number): HostStep {
    if (event.kind === 'reading' || event.kind === 'device-info') this.lastRecordMs = atMs;
    return NO_STEP;
  }

  tick(atMs: number): HostStep {
    const silenceMs = REREQUEST_AFTER_INTERVALS * this.intervalS * 1000;
    const since = Math.max(this.lastRecordMs, this.lastRequestMs);
    return atMs - since >= silenceMs ? this.request(atMs) : NO_STEP;
  }

  close(): HostStep {
    return { writes: [stopDisplayedValues()] };
  }

  private request(atMs: number): HostStep {
    this.lastRequestMs = atMs;
    return { writes: [requestDisplayedValues(this.intervalS)] };
  }
}
