import { BP_METRIC } from '../bp/bp-record';
import { LOCAL_ZONE, type DeviceClockZone } from '../bp/device-clock';
import {
  EMPTY_OUTPUT,
  type DeviceSimulator,
  type SimulatedValues,
  type SimulatorOptions,
  type SimulatorOutput,
} from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { createPrng, type Prng } from '../framing/prng';
import { COMMAND, REPORT_BYTES } from './constants';
import { encodeRecord } from './device-encoder';
import type { Bm55Record } from './frames';

export interface Bm55SimulatorOptions extends SimulatorOptions {
  readonly storedRecords?: number;
  readonly zone?: DeviceClockZone;
  /** The unit's memory, record 1 first; overrides storedRecords. */
  readonly memory?: readonly Bm55Record[];
}

const NO_VALUES: SimulatedValues = Object.freeze({});
/** SIMULATOR ASSUMPTIONS (undocumented on a real unit): AA answers 0x55 as on the serial BM58; an empty slot answers 0xA9. */
const INIT_REPLY = 0x55;
const EMPTY_SLOT_REPLY = 0xa9;

/**
 * A BM55-like unit: one 8-byte reply per command — the count in byte 0, a record per A3 n
 * (record 1 newest: an assumption, see PROTOCOL.md), nothing to F7. Unused reply bytes are 0.
 */
export class BeurerBm55HidSimulator implements DeviceSimulator {
  readonly tickIntervalMs = 100;
  private readonly incoming = new ByteRemainder();
  private readonly prng: Prng;
  private readonly zone: DeviceClockZone;
  private readonly initialRecords: number;
  private records: Bm55Record[] | null;

  constructor(options: Bm55SimulatorOptions = {}) {
    this.prng = createPrng(options.seed ?? 1);
    this.zone = options.zone ?? LOCAL_ZONE;
    this.initialRecords = options.storedRecords ?? 5;
    this.records = options.memory ? [...options.memory] : null;
  }

  storedRecords(): readonly Bm55Record[] {
    return this.records ?? [];
  }

  takeMeasurement(atMs: number): Bm55Record {
    const record = this.measurement(atMs);
    this.memory(atMs).unshift(record);
    return record;
  }

  receive(chunk: Uint8Array, atMs: number): SimulatorOutput {
    const records = this.memory(atMs);
    const bytes = this.incoming.join(chunk);
    const replies: number[] = [];
    const frames: SimulatedValues[] = [];
    let p = 0;
    for (; p + REPORT_BYTES <= bytes.length; p += REPORT_BYTES) {
      const reply = new Uint8Array(REPORT_BYTES);
      let values = NO_VALUES;
      switch (bytes[p]) {
        case COMMAND.init:
          reply[0] = INIT_REPLY;
          break;
        case COMMAND.count:
          reply[0] = records.length;
          break;
        case COMMAND.record: {
          const record = records[bytes[p + 1] - 1];
          if (record) {
            reply.set(encodeRecord(record));
            values = {
              [BP_METRIC.systolic]: record.systolic,
              [BP_METRIC.diastolic]: record.diastolic,
              [BP_METRIC.pulse]: record.pulse,
            };
          } else {
            reply[0] = EMPTY_SLOT_REPLY;
          }
          break;
        }
        default:
          continue; // F7 and unknown commands: no reply
      }
      replies.push(...reply);
      frames.push(values);
    }
    this.incoming.keep(bytes, p);
    return replies.length === 0 ? EMPTY_OUTPUT : { bytes: Uint8Array.from(replies), frames };
  }

  tick(): SimulatorOutput {
    return EMPTY_OUTPUT;
  }

  private memory(atMs: number): Bm55Record[] {
    if (this.records === null) {
      this.records = [];
      let timeMs = atMs - 5 * 60_000;
      for (let i = 0; i < this.initialRecords; i++) {
        this.records.push(this.measurement(timeMs));
        timeMs -= this.prng.int(4, 30) * 3_600_000 + this.prng.int(0, 59) * 60_000;
      }
    }
    return this.records;
  }

  private measurement(atMs: number): Bm55Record {
    const wall = this.zone.toWallClock(atMs);
    const diastolic = this.prng.int(62, 92);
    return {
      // The BM55 stores minutes: the seconds are not part of a record.
      time: { ...wall, second: 0 },
      systolic: diastolic + this.prng.int(35, 60),
      diastolic,
      pulse: this.prng.int(55, 95),
      resting: false,
      userB: this.prng.chance(0.2),
      arrhythmia: false,
    };
  }
}
