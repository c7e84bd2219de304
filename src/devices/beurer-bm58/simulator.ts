import type { DeviceSimulator, SimulatedValues, SimulatorOptions, SimulatorOutput } from '../driver';
import { EMPTY_OUTPUT } from '../driver';
import { concatBytes } from '../framing/concat';
import { createPrng, type Prng } from '../framing/prng';
import { COMMAND, EMPTY_RECORD_REPLY, HANDSHAKE_REPLY } from './constants';
import { encodeDescription, encodeRecord } from './device-encoder';
import type { StoredMeasurement } from './frames';
import { BP_METRICS } from './readings';

export interface BeurerBm58SimulatorOptions extends SimulatorOptions {
  /** The memory to serve; by default ~5 plausible measurements from the seed. `null` = empty slot. */
  readonly records?: readonly (StoredMeasurement | null)[];
}

const NO_VALUES: SimulatedValues = Object.freeze({});
const DESCRIPTION = 'Simulated BM58 (station sim)';

/**
 * A BM58 in PC mode: answers each command byte for byte (`AA` → `55`, `A4` → 32-byte description,
 * `A2` → count, `A3 nn` → record nn or `A9`), never speaks unasked and ignores bytes it does not
 * know. `frames` has one entry per reply: the BP values for a record, empty for anything else.
 */
export class BeurerBm58Simulator implements DeviceSimulator {
  readonly tickIntervalMs = 100;
  private readonly records: readonly (StoredMeasurement | null)[];
  /** A3 seen, record number not yet. */
  private awaitingRecordNumber = false;

  constructor(options: BeurerBm58SimulatorOptions = {}) {
    this.records = options.records ?? plausibleMemory(createPrng(options.seed ?? 1));
  }

  receive(chunk: Uint8Array, _atMs?: number): SimulatorOutput {
    const replies: SimulatorOutput[] = [];
    for (const byte of chunk) {
      if (this.awaitingRecordNumber) {
        this.awaitingRecordNumber = false;
        replies.push(this.record(byte));
        continue;
      }
      switch (byte) {
        case COMMAND.handshake:
          replies.push(reply(Uint8Array.of(HANDSHAKE_REPLY)));
          break;
        case COMMAND.description:
          replies.push(reply(encodeDescription(DESCRIPTION)));
          break;
        case COMMAND.count:
          replies.push(reply(Uint8Array.of(this.records.length)));
          break;
        case COMMAND.recordRequest:
          this.awaitingRecordNumber = true;
          break;
        default:
          break;
      }
    }
    return {
      bytes: concatBytes(replies.map((r) => r.bytes)),
      frames: replies.flatMap((r) => r.frames),
    };
  }

  tick(): SimulatorOutput {
    return EMPTY_OUTPUT;
  }

  private record(number: number): SimulatorOutput {
    const m = number >= 1 ? this.records[number - 1] : undefined;
    if (!m) return reply(Uint8Array.of(EMPTY_RECORD_REPLY));
    return {
      bytes: encodeRecord(m),
      frames: [
        {
          [BP_METRICS.systolic]: m.systolic,
          [BP_METRICS.diastolic]: m.diastolic,
          [BP_METRICS.pulse]: m.pulse,
        },
      ],
    };
  }
}

function reply(bytes: Uint8Array): SimulatorOutput {
  return { bytes, frames: [NO_VALUES] };
}

/** Five morning/evening readings of a mildly hypertensive adult, on consecutive days of Nov 2026. */
function plausibleMemory(prng: Prng): StoredMeasurement[] {
  const records: StoredMeasurement[] = [];
  for (let i = 0; i < 5; i++) {
    const systolic = prng.int(118, 148);
    records.push({
      systolic,
      diastolic: prng.int(70, Math.min(95, systolic - 30)),
      pulse: prng.int(58, 88),
      year: 2026,
      month: 11,
      day: 20 + Math.floor(i / 2),
      hour: i % 2 === 0 ? 7 : 20,
      minute: prng.int(0, 59),
    });
  }
  return records;
}
