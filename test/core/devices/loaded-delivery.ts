import type { TimedChunk } from '../../../src/devices/testing/generate-stream';
import { arrivalAfterStalls, type Stall } from '../../devices/framing/loaded-host';

/** One `emitData` of a fake transport. */
export interface Delivery {
  readonly bytes: Uint8Array;
  readonly atMs: number;
}

export interface DeliveryLoad {
  readonly stalls: readonly Stall[];
  /** The device sends nothing for `durationMs` after device time `afterMs` (a real gap). */
  readonly pause?: { readonly afterMs: number; readonly durationMs: number };
  /** USB latency added to every chunk. */
  readonly latencyMs: number;
  /** Byte counts that reads are cut into, in turn (any chunking, frames cut anywhere). */
  readonly pieces: readonly number[];
  /** Reads that a stall makes arrive together are handed over as one chunk. */
  readonly joinSameArrival: boolean;
}

/**
 * A simulator's output as a loaded host hands it to a session (see loaded-host.ts for the model):
 * each chunk is read `latencyMs` after the device sent it, or when the stall it fell into ends;
 * reads cut into pieces that keep their read's arrival time.
 */
export function deliverUnderLoad(chunks: readonly TimedChunk[], load: DeliveryLoad): Delivery[] {
  const reads: Delivery[] = [];
  for (const chunk of chunks) {
    const sentMs =
      load.pause && chunk.atMs > load.pause.afterMs ? chunk.atMs + load.pause.durationMs : chunk.atMs;
    const atMs = arrivalAfterStalls(load.stalls, sentMs + load.latencyMs);
    const previous = reads.at(-1);
    if (load.joinSameArrival && previous && previous.atMs === atMs) {
      reads[reads.length - 1] = { atMs, bytes: Uint8Array.from([...previous.bytes, ...chunk.bytes]) };
    } else {
      reads.push({ atMs, bytes: chunk.bytes });
    }
  }
  const out: Delivery[] = [];
  let piece = 0;
  for (const read of reads) {
    for (let from = 0; from < read.bytes.length; piece++) {
      const size = Math.max(1, load.pieces[piece % load.pieces.length]);
      out.push({ atMs: read.atMs, bytes: read.bytes.subarray(from, from + size) });
      from += size;
    }
  }
  return out;
}
