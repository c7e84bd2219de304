import type { DecodeEvent, Decoder, DeviceDriver } from '../../../devices/driver';

/** What one candidate's decoder made of the bytes it was fed during a probe. */
export interface CandidateReport {
  readonly protocol: string;
  readonly frames: number;
  readonly dropped: number;
  readonly skippedBytes: number;
  readonly bytes: number;
}

/** Valid frames a decisive candidate needs, the last in a later chunk than the first. */
const DECISIVE_FRAMES = 2;
/** Frames since sync that make a steady stream, and at most one drop per this many frames. */
const STEADY_FRAMES = 20;
const STEADY_MAX_DROP_RATIO = 10;

/**
 * One candidate under probe: its decoder, fed every byte of its link group. The chunk holding the
 * first valid frame is the sync phase (a decoder started mid-stream drops or skips the partial frame
 * before it); from then on a right decoder drops nothing and skips (almost) nothing, while a wrong one
 * that happened to accept a frame soon drops or skips bytes.
 */
export class CandidateTrial {
  private readonly decoder: Decoder;
  private bytes = 0;
  private sync: { frames: number; dropped: number; skipped: number; bytes: number } | null = null;
  /** Frames counted when the station sent this candidate's open step, if it did. */
  private framesWhenAsked: number | null = null;
  /** Decode events (readings, replies, frame errors) since the open step: the device said something. */
  private eventsSinceAsked = 0;

  constructor(readonly driver: DeviceDriver) {
    this.decoder = driver.createDecoder(`${driver.protocol}@probe`);
  }

  feed(chunk: Uint8Array, atMs: number): DecodeEvent[] {
    const events = this.decoder.push(chunk, atMs);
    this.bytes += chunk.length;
    this.eventsSinceAsked += events.length;
    const stats = this.decoder.stats;
    if (!this.sync && stats.frames > 0) {
      this.sync = {
        frames: stats.frames,
        dropped: stats.dropped,
        skipped: stats.skippedBytes,
        bytes: this.bytes,
      };
    }
    return events;
  }

  /** A new open of the port: partial frames from the previous one mean nothing. */
  reset(): void {
    this.decoder.reset();
  }

  get report(): CandidateReport {
    const { frames, dropped, skippedBytes } = this.decoder.stats;
    return { protocol: this.driver.protocol, frames, dropped, skippedBytes, bytes: this.bytes };
  }

  /** The station just sent this candidate's open step: a valid frame from now on is its answer. */
  markAsked(): void {
    this.framesWhenAsked = this.decoder.stats.frames;
    this.eventsSinceAsked = 0;
  }

  /** Something this decoder understands (even a rejected frame) arrived since the open step. */
  get heardSinceAsked(): boolean {
    return this.eventsSinceAsked > 0;
  }

  /**
   * Errors since the sync chunk: dropped frames and skipped bytes. No slack for skipped bytes: a
   * permissive decoder (a 4-byte frame with no checksum) reading another protocol's stream accepts
   * frames but skips the bytes between them, and that is what tells it apart.
   */
  get errorsAfterSync(): number {
    if (!this.sync) return Number.POSITIVE_INFINITY;
    const stats = this.decoder.stats;
    return stats.dropped - this.sync.dropped + stats.skippedBytes - this.sync.skipped;
  }

  /**
   * No need to listen further: valid frames confirmed by a later chunk, or an answer to this
   * candidate's own open step (a reply to a command is proof even as a single frame), and no error
   * since sync.
   */
  get decisive(): boolean {
    if (this.errorsAfterSync !== 0) return this.steadyDespiteDrops;
    const frames = this.decoder.stats.frames;
    const answered = this.framesWhenAsked !== null && frames > this.framesWhenAsked;
    return answered || (frames >= DECISIVE_FRAMES && this.confirmed);
  }

  /**
   * A long run of valid frames with no skipped byte and a few dropped ones (a byte lost to XON/XOFF
   * handling, line noise): a wrong decoder that accepts frames skips bytes between them.
   */
  private get steadyDespiteDrops(): boolean {
    if (!this.sync) return false;
    const { frames, dropped, skippedBytes } = this.decoder.stats;
    const framesSince = frames - this.sync.frames;
    return (
      framesSince >= STEADY_FRAMES &&
      skippedBytes === this.sync.skipped &&
      (dropped - this.sync.dropped) * STEADY_MAX_DROP_RATIO <= framesSince
    );
  }

  /** Synced, with no error since: worth listening a little longer for the confirming frame. */
  get promising(): boolean {
    return this.errorsAfterSync === 0;
  }

  /** At least one valid frame arrived in a chunk after the sync chunk. */
  private get confirmed(): boolean {
    return this.sync !== null && this.decoder.stats.frames > this.sync.frames;
  }

  /** Whether it may win when nobody was decisive: valid frames, outnumbering its errors. */
  get plausible(): boolean {
    const { frames, dropped } = this.decoder.stats;
    return frames > 0 && frames > dropped && frames > this.errorsAfterSync;
  }
}

/** The best plausible trial: fewest errors since sync, then most frames; undefined when none. */
export function bestTrial(trials: readonly CandidateTrial[]): CandidateTrial | undefined {
  const plausible = trials.filter((trial) => trial.plausible);
  plausible.sort((a, b) => a.errorsAfterSync - b.errorsAfterSync || b.report.frames - a.report.frames);
  return plausible[0];
}
