import { LOCAL_ZONE, type DeviceClockZone } from '../bp/device-clock';
import type { DeviceSimulator, SimulatedValues, SimulatorOptions, SimulatorOutput } from '../driver';
import { EMPTY_OUTPUT } from '../driver';
import { concatBytes } from '../framing/concat';
import { createPrng, type Prng } from '../framing/prng';
import { COMMAND, EMPTY_RECORD_REPLY, HANDSHAKE_REPLY } from './constants';
import { encodeDescription, encodeRecord } from './device-encoder';
import type { StoredMeasurement } from './frames';
import { BP_METRICS } from './readings';

/** A stored measurement given by its age rather than its date (see `recordsAgo`). */
export interface StoredRecordAgo {
  /** Days before "now", the simulator's first contact with the host. */
  readonly daysAgo: number;
  /** Minutes before that, in addition (default 0). */
  readonly minutesAgo?: number;
  readonly systolic: number;
  readonly diastolic: number;
  readonly pulse: number;
}

export interface BeurerBm58SimulatorOptions extends SimulatorOptions {
  /** The memory to serve, as dated records; `null` = an empty slot. Wins over `recordsAgo`. */
  readonly records?: readonly (StoredMeasurement | null)[];
  /**
   * The memory to serve, as records measured `daysAgo` days (and `minutesAgo` minutes) before the
   * simulator's first contact with the host: their dates follow the run's clock, so a test can
   * plug in a cuff holding a measurement from 13 days ago on any date. Record 1 first.
   * Default (neither option): ~5 plausible measurements from the seed, dated 20–22 Nov 2026.
   */
  readonly recordsAgo?: readonly StoredRecordAgo[];
  /** The zone the simulated clock shows (to date `recordsAgo`); default: the station's. */
  readonly zone?: DeviceClockZone;
}

const NO_VALUES: SimulatedValues = Object.freeze({});
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;
const DESCRIPTION = 'Simulated BM58 (station sim)';

/**
 * A BM58 in PC mode: answers each command byte for byte (`AA` → `55`, `A4` → 32-byte description,
 * `A2` → count, `A3 nn` → record nn or `A9`), never speaks unasked and ignores bytes it does not
 * know. `frames` has one entry per reply: the BP values for a record, empty for anything else.
 */
export class BeurerBm58Simulator implements DeviceSimulator {
  readonly tickIntervalMs = 100;
  /** The memory; null until the first contact when it is given as ages (`recordsAgo`). */
  private records: readonly (StoredMeasurement | null)[] | null;
  private readonly recordsAgo: readonly StoredRecordAgo[];
  private readonly zone: DeviceClockZone;
  /** A3 seen, record number not yet. */
  private awaitingRecordNumber = false;

  constructor(options: BeurerBm58SimulatorOptions = {}) {
    this.zone = options.zone ?? LOCAL_ZONE;
    this.recordsAgo = options.recordsAgo ?? [];
    this.records =
      options.records ?? (options.recordsAgo ? null : plausibleMemory(createPrng(options.seed ?? 1)));
  }

  /** The stored records, record 1 first (those given by age are dated at the first contact). */
  storedRecords(): readonly (StoredMeasurement | null)[] {
    return this.records ?? [];
  }

  /** `atMs` dates the records given by age, at the first call (tests of dated memories omit it). */
  receive(chunk: Uint8Array, atMs = 0): SimulatorOutput {
    this.records ??= this.recordsAgo.map((r) => this.dated(r, atMs));
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
          replies.push(reply(Uint8Array.of(this.storedRecords().length)));
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

  /** A record measured `daysAgo` days and `minutesAgo` minutes before `nowMs`, by the device clock. */
  private dated(r: StoredRecordAgo, nowMs: number): StoredMeasurement {
    const measuredMs = nowMs - r.daysAgo * MS_PER_DAY - (r.minutesAgo ?? 0) * MS_PER_MINUTE;
    const { year, month, day, hour, minute } = this.zone.toWallClock(measuredMs);
    return { systolic: r.systolic, diastolic: r.diastolic, pulse: r.pulse, year, month, day, hour, minute };
  }

  private record(number: number): SimulatorOutput {
    const m = number >= 1 ? this.storedRecords()[number - 1] : undefined;
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
