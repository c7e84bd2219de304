import { NO_STEP, type DecodeEvent, type HostProtocol, type HostStep } from '../driver';
import { eightChannels, softReset, startStreaming, stopStreaming } from './commands';
import { HOST_TICK_MS, RESET_REPLY_TIMEOUT_MS } from './constants';

/**
 * The station's side of a Cyton session, as the data-format page asks: the board keeps its state
 * across port opens, so stop any stream left running (`s`), soft-reset (`v`), wait for the reply's
 * `$$$` ("ready to receive commands"), then use 8 channels (`c`: a Daisy would interleave its
 * samples) and start streaming (`b`). `s` again on close. No `$$$` within RESET_REPLY_TIMEOUT_MS
 * ends the session with a timeout; a reply reporting a failure (the dongle cannot reach the board)
 * ends it with a protocol error.
 */
export class CytonHost implements HostProtocol {
  readonly tickIntervalMs = HOST_TICK_MS;
  private phase: 'idle' | 'resetting' | 'streaming' | 'ended' = 'idle';
  private resetSentMs = 0;

  open(atMs: number): HostStep {
    this.phase = 'resetting';
    this.resetSentMs = atMs;
    return { writes: [stopStreaming(), softReset()] };
  }

  onEvent(event: DecodeEvent, _atMs: number): HostStep {
    if (this.phase !== 'resetting' || event.kind !== 'device-info' || event.key !== 'board-message') {
      return NO_STEP;
    }
    if (/failure/i.test(event.value)) {
      this.phase = 'ended';
      return { writes: [], error: { code: 'protocol', message: `Cyton reset failed: ${event.value}` } };
    }
    this.phase = 'streaming';
    return { writes: [eightChannels(), startStreaming()] };
  }

  tick(atMs: number): HostStep {
    if (this.phase !== 'resetting' || atMs - this.resetSentMs < RESET_REPLY_TIMEOUT_MS) return NO_STEP;
    this.phase = 'ended';
    return {
      writes: [],
      error: {
        code: 'timeout',
        message:
          `no reply to the soft reset (v) within ${RESET_REPLY_TIMEOUT_MS} ms: ` +
          'is the board switched on, and on the dongle’s radio channel?',
      },
    };
  }

  close(_atMs: number): HostStep {
    this.phase = 'ended';
    return { writes: [stopStreaming()] };
  }
}
