import { LOCAL_ZONE, type DeviceClockZone } from '../bp/device-clock';
import { BP_METRIC } from '../bp/bp-record';
import {
  EMPTY_OUTPUT,
  type DeviceSimulator,
  type SimulatedValues,
  type SimulatorOptions,
  type SimulatorOutput,
} from '../driver';
import { ByteRemainder } from '../framing/byte-remainder';
import { createPrng, type Prng } from '../framing/prng';
import { MAX_REPORT_PAYLOAD, MODE, REPORT_BYTES } from './constants';
import { encodeCount, encodeNo, encodeOff, encodeOk, encodeRecord, encodeVersion } from './device-encoder';
import type { OmronRecord } from './frames';

export interface OmronSimulatorOptions extends SimulatorOptions {
  /** Stored measurements at power-on (default 5). */
  readonly storedRecords?: number;
  readonly version?: string;
  readonly zone?: DeviceClockZone;
  /** The unit's memory, newest first (a replugged unit keeps what it stored); overrides storedRecords. */
  readonly memory?: readonly OmronRecord[];
}

/** A simulator that also takes HID feature reports (mode changes), without the report id. */
export interface HidFeatureSimulator extends DeviceSimulator {
  receiveFeatureReport(bytes: Uint8Array, atMs: number): SimulatorOutput;
}

const NO_VALUES: SimulatedValues = Object.freeze({});
/** Command lengths by mnemonic, check byte included (libomron). */
const COMMAND_BYTES: Readonly<Record<string, number>> = {
  VER: 5,
  PRF: 5,
  SRL: 5,
  END: 5,
  GDC: 8,
  GME: 8,
  GMA: 9,
  GEA: 9,
};

/**
 * An Omron HEM-7080IT-like device: answers the clearing block with "OK" and each command as the
 * libomron document shows, byte for byte, from a memory of stored measurements (index 0 newest).
 * Commands of the wrong mode, unknown commands and bad checks get "NO" (a real unit's answer to
 * those is not documented). `takeMeasurement` stores a new newest record, as the nurse would.
 */
export class OmronHemHidSimulator implements HidFeatureSimulator {
  readonly tickIntervalMs = 100;
  private readonly incoming = new ByteRemainder();
  private readonly prng: Prng;
  private readonly zone: DeviceClockZone;
  private readonly version: string;
  private readonly initialRecords: number;
  /** Newest first, created at the first host contact so their times sit just before it. */
  private records: OmronRecord[] | null = null;
  private mode: readonly number[] = MODE.none;
  private command: number[] = [];
  private poweredOff = false;

  constructor(options: OmronSimulatorOptions = {}) {
    this.prng = createPrng(options.seed ?? 1);
    this.zone = options.zone ?? LOCAL_ZONE;
    this.version = options.version ?? 'M7080IT 207';
    this.initialRecords = options.storedRecords ?? 5;
    if (options.memory) this.records = [...options.memory];
  }

  get isPoweredOff(): boolean {
    return this.poweredOff;
  }

  /** The stored records, newest first (after the first host contact). */
  storedRecords(): readonly OmronRecord[] {
    return this.records ?? [];
  }

  /** A new measurement taken at `atMs`: it becomes record 0. */
  takeMeasurement(atMs: number): OmronRecord {
    const record = this.measurement(atMs);
    this.memory(atMs).unshift(record);
    return record;
  }

  receiveFeatureReport(bytes: Uint8Array, atMs: number): SimulatorOutput {
    this.memory(atMs);
    if (bytes.length === 2) this.mode = [bytes[0], bytes[1]];
    return EMPTY_OUTPUT;
  }

  receive(chunk: Uint8Array, atMs: number): SimulatorOutput {
    // After END the unit is off: a real one would have left the bus; this one stays silent.
    if (this.poweredOff) return EMPTY_OUTPUT;
    this.memory(atMs);
    const replies: Uint8Array[] = [];
    const frames: SimulatedValues[] = [];
    const bytes = this.incoming.join(chunk);
    let p = 0;
    for (; p + REPORT_BYTES <= bytes.length; p += REPORT_BYTES) {
      const count = Math.min(bytes[p], MAX_REPORT_PAYLOAD);
      const payload = [...bytes.subarray(p + 1, p + 1 + count)];
      const reply = this.onReport(payload);
      if (reply) {
        replies.push(reply.bytes);
        frames.push(reply.values);
      }
    }
    this.incoming.keep(bytes, p);
    const total = replies.reduce((n, r) => n + r.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const r of replies) {
      out.set(r, offset);
      offset += r.length;
    }
    return { bytes: out, frames };
  }

  tick(): SimulatorOutput {
    return EMPTY_OUTPUT;
  }

  private onReport(payload: number[]): { bytes: Uint8Array; values: SimulatedValues } | null {
    if (this.command.length === 0 && payload.every((b) => b === 0)) {
      // The clearing block: zero reports; the short one ends it (12 bytes: 7 + 5; older libomron 7+7+7+2).
      return payload.length < MAX_REPORT_PAYLOAD ? { bytes: encodeOk(), values: NO_VALUES } : null;
    }
    this.command.push(...payload);
    const mnemonic = String.fromCharCode(...this.command.slice(0, 3));
    const length = COMMAND_BYTES[mnemonic];
    if (this.command.length < 3) return null;
    if (length === undefined) return this.refuse();
    if (this.command.length < length) return null;
    const command = this.command.slice(0, length);
    this.command = [];
    let x = 0;
    for (const b of command.slice(3)) x ^= b;
    if (x !== 0) return { bytes: encodeNo(), values: NO_VALUES };
    return this.answer(mnemonic, command);
  }

  private answer(mnemonic: string, command: number[]): { bytes: Uint8Array; values: SimulatedValues } {
    const daily = this.mode[0] === MODE.dailyReadings[0] && this.mode[1] === MODE.dailyReadings[1];
    const records = this.records ?? [];
    switch (mnemonic) {
      case 'VER':
        return { bytes: encodeVersion(this.version), values: NO_VALUES };
      case 'GDC':
        if (!daily) break;
        return { bytes: encodeCount(records.length), values: NO_VALUES };
      case 'GME': {
        const record = records[command[6]];
        if (!daily || !record) break;
        return {
          bytes: encodeRecord(record),
          values: {
            [BP_METRIC.systolic]: record.systolic,
            [BP_METRIC.diastolic]: record.diastolic,
            [BP_METRIC.pulse]: record.pulse,
          },
        };
      }
      case 'END':
        this.poweredOff = true;
        return { bytes: encodeOff(), values: NO_VALUES };
    }
    return { bytes: encodeNo(), values: NO_VALUES };
  }

  private refuse(): { bytes: Uint8Array; values: SimulatedValues } {
    this.command = [];
    return { bytes: encodeNo(), values: NO_VALUES };
  }

  private memory(atMs: number): OmronRecord[] {
    if (this.records === null) {
      this.records = [];
      // Newest 10 minutes before the first contact, older ones hours apart.
      let timeMs = atMs - 10 * 60_000;
      for (let i = 0; i < this.initialRecords; i++) {
        this.records.push(this.measurement(timeMs));
        timeMs -= this.prng.int(4, 30) * 3_600_000 + this.prng.int(0, 59) * 60_000;
      }
    }
    return this.records;
  }

  private measurement(atMs: number): OmronRecord {
    const diastolic = this.prng.int(62, 92);
    return {
      time: this.zone.toWallClock(atMs),
      systolic: diastolic + this.prng.int(35, 60),
      diastolic,
      pulse: this.prng.int(55, 95),
      flags: 0x00,
    };
  }
}
