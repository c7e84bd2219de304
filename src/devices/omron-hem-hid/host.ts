import { BP_INFO } from '../bp/bp-record';
import { NO_STEP, type DecodeEvent, type HostProtocol, type HostStep, type HostWrite } from '../driver';
import { clearingBlock, countCommand, endCommand, recordCommand, versionCommand } from './commands';
import {
  CLEARING_BLOCK_PAYLOADS,
  DEFAULT_BANK,
  DEFAULT_MAX_RECORDS,
  HOST_TICK_MS,
  MAX_RETRIES,
  MODE,
  REPLY_TIMEOUT_MS,
} from './constants';
import { OMRON_INFO } from './decoder';

export interface OmronHostOptions {
  /** Newest records downloaded per session at most; the download stops at the first known one. */
  readonly maxRecords?: number;
  readonly bank?: number;
  readonly replyTimeoutMs?: number;
}

/** What the station waits for after each step. */
type Expect = 'ok' | 'version' | 'count' | 'record' | 'off';
interface Step {
  readonly name: string;
  readonly writes: readonly HostWrite[];
  readonly expect: Expect;
}

/**
 * The download conversation (libomron's order): device-info mode + clearing block, VER, daily
 * mode + clearing block, GDC, GME for index 0 (newest), 1, … until `maxRecords`, the stored count
 * or a record not newer than the newest imported one, then END. "NO", a garbled reply or silence
 * resend the step (libomron retries the same way) up to MAX_RETRIES times; then the session ends
 * with `protocol` or `timeout`. An END without "OFF" is not an error: the unit may just power off.
 */
export class OmronHemHidHost implements HostProtocol {
  readonly tickIntervalMs = HOST_TICK_MS;
  private readonly maxRecords: number;
  private readonly bank: number;
  private readonly replyTimeoutMs: number;
  private current: Step | null = null;
  private sentAtMs = 0;
  private retries = 0;
  private recordCount = 0;
  private nextIndex = 0;
  private finished = false;

  constructor(options: OmronHostOptions = {}) {
    this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
    this.bank = options.bank ?? DEFAULT_BANK;
    this.replyTimeoutMs = options.replyTimeoutMs ?? REPLY_TIMEOUT_MS;
  }

  /** True once the conversation ended (END sent and answered or timed out). */
  get done(): boolean {
    return this.finished;
  }

  open(atMs: number): HostStep {
    return this.start(modeStep('device-info mode', MODE.deviceInfo), atMs);
  }

  onEvent(event: DecodeEvent, atMs: number): HostStep {
    const step = this.current;
    if (!step) return NO_STEP;
    if (event.kind === 'frame-error') return this.retry(atMs, `garbled reply to ${step.name}`, 'protocol');
    if (event.kind !== 'device-info') return NO_STEP;
    if (event.key === OMRON_INFO.status && event.value === 'NO') {
      return this.retry(atMs, `device answered NO to ${step.name}`, 'protocol');
    }
    switch (step.expect) {
      case 'ok':
        if (event.key !== OMRON_INFO.status || event.value !== 'OK') return NO_STEP;
        return step.name === 'device-info mode'
          ? this.start({ name: 'VER', writes: versionCommand(), expect: 'version' }, atMs)
          : this.start({ name: 'GDC', writes: countCommand(this.bank), expect: 'count' }, atMs);
      case 'version':
        if (event.key !== OMRON_INFO.version) return NO_STEP;
        return this.start(modeStep('daily mode', MODE.dailyReadings), atMs);
      case 'count':
        if (event.key !== OMRON_INFO.recordCount) return NO_STEP;
        this.recordCount = Number(event.value);
        return this.nextRecordOrEnd(atMs);
      case 'record':
        if (event.key === BP_INFO.downloaded) return this.nextRecordOrEnd(atMs);
        // Not newer than the newest imported record: records are newest-first, nothing new below it.
        if (event.key === BP_INFO.duplicate) return this.end(atMs);
        return NO_STEP;
      case 'off':
        if (event.key !== OMRON_INFO.status || event.value !== 'OFF') return NO_STEP;
        this.current = null;
        this.finished = true;
        return NO_STEP;
    }
  }

  tick(atMs: number): HostStep {
    const step = this.current;
    if (!step || atMs - this.sentAtMs < this.replyTimeoutMs) return NO_STEP;
    if (step.expect === 'off') {
      this.current = null;
      this.finished = true;
      return NO_STEP;
    }
    return this.retry(atMs, `no reply to ${step.name} within ${this.replyTimeoutMs} ms`, 'timeout');
  }

  close(): HostStep {
    this.current = null;
    return NO_STEP;
  }

  private nextRecordOrEnd(atMs: number): HostStep {
    if (this.nextIndex >= Math.min(this.recordCount, this.maxRecords)) return this.end(atMs);
    const index = this.nextIndex++;
    return this.start(
      { name: `GME ${index}`, writes: recordCommand(this.bank, index), expect: 'record' },
      atMs,
    );
  }

  private end(atMs: number): HostStep {
    return this.start({ name: 'END', writes: endCommand(), expect: 'off' }, atMs);
  }

  private start(step: Step, atMs: number): HostStep {
    this.current = step;
    this.sentAtMs = atMs;
    this.retries = 0;
    return { writes: step.writes };
  }

  private retry(atMs: number, why: string, code: 'timeout' | 'protocol'): HostStep {
    const step = this.current;
    if (!step) return NO_STEP;
    if (this.retries >= MAX_RETRIES) {
      this.current = null;
      return { writes: [], error: { code, message: `${why} (after ${MAX_RETRIES} retries)` } };
    }
    this.retries++;
    this.sentAtMs = atMs;
    return { writes: step.writes };
  }
}

function modeStep(name: string, mode: readonly number[]): Step {
  return {
    name,
    writes: [{ featureReport: Uint8Array.from(mode) }, ...clearingBlock(CLEARING_BLOCK_PAYLOADS)],
    expect: 'ok',
  };
}
