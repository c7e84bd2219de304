import { NO_STEP, type DecodeEvent, type HostProtocol, type HostStep } from '../driver';
import { selectFormat } from './commands';
import {
  FORMAT_REPLY_KEY,
  FORMAT_REPLY_TIMEOUT_MS,
  HOST_TICK_INTERVAL_MS,
  type DataFormat,
} from './constants';

/**
 * The station's side of "select data format" (reference/device-protocols.md §3): on open it asks
 * for the driver's format and waits for the device's ACK (0x06) or NAK (0x15), which the decoder
 * reports as a `device-info` event.
 * - ACK: selected.
 * - NAK: the device refused the format: a `protocol` error ends the session.
 * - No reply within FORMAT_REPLY_TIMEOUT_MS: a `timeout` error. The 9560 answers only during the
 *   first 5 s after a connection; frames that happen to decode are not taken as an answer, since a
 *   stream in another format can pass for frames of this one (#8 has no checksum at all).
 */
type Phase = 'closed' | 'awaiting-reply' | 'selected' | 'failed';

class FormatSelectHost implements HostProtocol {
  readonly tickIntervalMs = HOST_TICK_INTERVAL_MS;
  private phase: Phase = 'closed';
  private deadlineMs = 0;

  constructor(private readonly format: DataFormat) {}

  open(atMs: number): HostStep {
    this.phase = 'awaiting-reply';
    this.deadlineMs = atMs + FORMAT_REPLY_TIMEOUT_MS;
    return { writes: [selectFormat(this.format)] };
  }

  onEvent(event: DecodeEvent, _atMs: number): HostStep {
    if (this.phase !== 'awaiting-reply') return NO_STEP;
    if (event.kind === 'device-info' && event.key === FORMAT_REPLY_KEY) {
      if (event.value === 'ack') {
        this.phase = 'selected';
      } else {
        this.phase = 'failed';
        return this.fail('protocol', `the device refused data format #${this.format} (NAK)`);
      }
    }
    return NO_STEP;
  }

  tick(atMs: number): HostStep {
    if (this.phase !== 'awaiting-reply' || atMs < this.deadlineMs) return NO_STEP;
    this.phase = 'failed';
    return this.fail(
      'timeout',
      `no ACK/NAK to "select data format #${this.format}" within ${FORMAT_REPLY_TIMEOUT_MS} ms`,
    );
  }

  close(_atMs: number): HostStep {
    this.phase = 'closed';
    return NO_STEP;
  }

  private fail(code: 'timeout' | 'protocol', message: string): HostStep {
    return { writes: [], error: { code, message } };
  }
}

export function createFormatSelectHost(format: DataFormat): HostProtocol {
  return new FormatSelectHost(format);
}
