import type { RecordingHealth, RecordingProblemCode } from '../../shared/domain/consultation';
import type { DeviceInfo } from '../../shared/domain/devices';
import { isEpisodic, isMetricId } from '../../shared/domain/metrics';
import type { NumericReading, ReadingBatch } from '../../shared/domain/readings';
import type { ConsultationStore } from './consultation-store';
import type { PendingMeasurements } from './pending-measurements';
import type { Confirmation, NumericRow, WaveformChunk } from './recorded-batch';
import { RecordsError } from './records-error';

/** At most this much is lost to a kill -9: the readings of one window (issue 6 asks ≤ 1 s). */
export const BATCH_WINDOW_MS = 500;
/** Buffered samples kept while the disk refuses writes: 60 s of 12 leads at 250 Hz. */
export const MAX_BUFFERED_SAMPLES = 12 * 250 * 60;
/** A failure losing readings every window must not flood the UI: one loss update a second at most. */
export const HEALTH_THROTTLE_MS = 1000;

export interface RecorderOptions {
  readonly windowMs?: number;
  readonly maxBufferedSamples?: number;
  readonly log?: (line: string) => void;
  /** Timers, injectable so the benchmark drives the windows itself. */
  readonly setTimer?: (fn: () => void, ms: number) => { cancel(): void };
  readonly now?: () => number;
  /**
   * Called when recording starts failing, recovers, or (throttled) loses more readings: the
   * station must show it, a record silently not being written is a safety problem.
   */
  readonly onHealthChange?: (health: RecordingHealth) => void;
  /**
   * Where an episodic measurement timed before the consultation's start goes instead of the record
   * (issue 11): without it such a measurement is dropped, never recorded as this patient's.
   */
  readonly pending?: PendingMeasurements;
}

export interface RecorderStats {
  readonly committedBatches: number;
  readonly committedSamples: number;
  /** Readings (numeric values and waveform samples) thrown away because the disk refused writes for longer than the buffer holds. */
  readonly droppedReadings: number;
  /** The last write error, until a write succeeds again. */
  readonly failing: string | null;
}

/**
 * Puts readings into the active consultation, only while one is active AND the patient consented
 * to device data. Readings are buffered and committed in one transaction per window, so a crash
 * loses at most one window and the disk sees two writes a second, not hundreds. When a write
 * fails (disk full), the window stays buffered and is retried with the next one; past the bound
 * the oldest readings go (counted), never what is already committed.
 */
export class Recorder {
  private numerics: NumericRow[] = [];
  private chunks: WaveformChunk[] = [];
  private bufferedSamples = 0;
  private bufferedFor: string | null = null;
  /**
   * Windows of an earlier consultation that could not be saved when the next one started: kept
   * apart and written first, never relabelled as the new patient's readings.
   */
  private retired: { id: string; numerics: NumericRow[]; chunks: WaveformChunk[]; samples: number }[] = [];
  private timer: { cancel(): void } | null = null;
  private readonly windowMs: number;
  private readonly maxBuffered: number;
  private readonly log: (line: string) => void;
  private readonly setTimer: (fn: () => void, ms: number) => { cancel(): void };
  private readonly deviceStates = new Map<string, boolean>();
  private readonly now: () => number;
  private readonly onHealthChange: (health: RecordingHealth) => void;
  private readonly pending: PendingMeasurements | null;
  /**
   * Episodic measurements already recorded in this consultation (device, metric, device time): a
   * device that sends one again (a cuff re-downloading its newest record after a reconnect) adds
   * nothing, as the decoder's own guard does within one connection.
   */
  private episodicSeen = new Set<string>();
  /** The current write failure, null while writes succeed. */
  private problem: {
    code: RecordingProblemCode;
    message: string;
    sinceMs: number;
    /** The consultations whose readings it held back: each timeline gets the incident. */
    consultations: ReadonlySet<string>;
  } | null = null;
  /** Readings lost in the current (or last) failure. */
  private episodeDropped = 0;
  private lastDroppedNotice = { atMs: -Infinity, count: 0 };
  private droppedNoticeTimer: { cancel(): void } | null = null;
  private stats = {
    committedBatches: 0,
    committedSamples: 0,
    droppedReadings: 0,
    failing: null as string | null,
  };

  constructor(
    private readonly store: ConsultationStore,
    options: RecorderOptions = {},
  ) {
    this.windowMs = options.windowMs ?? BATCH_WINDOW_MS;
    this.maxBuffered = options.maxBufferedSamples ?? MAX_BUFFERED_SAMPLES;
    this.log = options.log ?? ((line) => console.warn(`records: ${line}`));
    this.setTimer =
      options.setTimer ??
      ((fn, ms) => {
        const handle = setTimeout(fn, ms);
        handle.unref();
        return { cancel: () => clearTimeout(handle) };
      });
    this.now = options.now ?? Date.now;
    this.onHealthChange = options.onHealthChange ?? (() => undefined);
    this.pending = options.pending ?? null;
  }

  /** Whether readings reach the disk now; what the banner shows. */
  health(): RecordingHealth {
    const problem = this.problem;
    const buffered = this.bufferedSamples + this.retiredSamples();
    const dropped = this.episodeDropped;
    if (problem === null)
      return {
        state: 'ok',
        code: null,
        since: null,
        message: '',
        bufferedReadings: buffered,
        droppedReadings: dropped,
      };
    const seconds = Math.max(0, Math.round((this.now() - problem.sinceMs) / 1000));
    const kept = `${buffered} readings kept in memory (${seconds} s)`;
    const lost = dropped > 0 ? `; ${dropped} readings lost` : '';
    const message = `${PROBLEM_WORDS[problem.code](kept)}${lost} (${problem.message})`;
    return {
      state: 'failing',
      code: problem.code,
      since: new Date(problem.sinceMs).toISOString(),
      message: message.length > 300 ? `${message.slice(0, 299)}…` : message,
      bufferedReadings: buffered,
      droppedReadings: dropped,
    };
  }

  get statistics(): RecorderStats {
    return { ...this.stats };
  }

  /** A batch from the reading bus. */
  onReadings(batch: ReadingBatch): void {
    const active = this.store.activeRecording();
    if (active === null || !active.deviceData) return;
    if (this.bufferedFor !== null && this.bufferedFor !== active.id && !this.flush()) this.retire();
    // A new consultation starts with a clean count once the old one's failure is over.
    if (this.bufferedFor !== active.id && this.problem === null) this.episodeDropped = 0;
    if (this.bufferedFor !== active.id) this.episodicSeen = new Set();
    this.bufferedFor = active.id;
    for (const reading of batch.readings) {
      if (reading.type === 'numeric') {
        const timeMs = Date.parse(reading.time);
        const confirmation = this.episodicAdmission(active, reading, timeMs);
        if (confirmation === false) continue;
        this.numerics.push({
          device: reading.device,
          metric: reading.metric,
          unit: reading.unit,
          value: reading.value,
          timeMs,
          ...(confirmation === true ? {} : { confirmation }),
        });
        this.bufferedSamples += 1;
      } else if (reading.type === 'waveform' && reading.samples.length > 0) {
        this.addWaveform({
          device: reading.device,
          metric: reading.metric,
          unit: reading.unit,
          rateHz: reading.rateHz,
          startMs: Date.parse(reading.start),
          samples: reading.samples,
        });
        this.bufferedSamples += reading.samples.length;
      }
    }
    this.enforceBound();
    this.schedule();
    // A stored cuff result is four readings: the station hears of it once.
    this.pending?.announce();
  }

  /**
   * Whether a numeric reading enters the record: continuous ones always; an episodic one once per
   * measurement, and only when measured since the consultation started. One measured before goes
   * to the pending list (false), unless the nurse already confirmed its measurement (a part
   * arriving late): then it is recorded with that confirmation.
   */
  private episodicAdmission(
    active: { id: string; startedMs: number },
    reading: NumericReading,
    timeMs: number,
  ): boolean | Confirmation {
    if (!isMetricId(reading.metric) || !isEpisodic(reading.metric)) return true;
    const key = `${reading.device}\u0000${reading.metric}\u0000${timeMs}`;
    if (this.episodicSeen.has(key)) return false;
    let admitted: boolean | Confirmation = true;
    if (!(timeMs >= active.startedMs)) {
      const decided = this.pending?.add(active.id, reading, this.now()) ?? null;
      if (decided?.kind !== 'confirmed') return false;
      admitted = { by: decided.by, at: decided.at };
    }
    this.episodicSeen.add(key);
    return admitted;
  }

  /** A measurement confirmed through the store: a repeat of it adds nothing. */
  noteConfirmed(device: string, metrics: readonly string[], measuredAt: string): void {
    const timeMs = Date.parse(measuredAt);
    for (const metric of metrics) this.episodicSeen.add(`${device}\u0000${metric}\u0000${timeMs}`);
  }

  /** A device state change: connect / disconnect become timeline entries of the active consultation. */
  onDeviceState(info: DeviceInfo): void {
    const connected = info.state === 'streaming' || info.state === 'no-data';
    const gone = info.state === 'disconnected' || info.state === 'error';
    const was = this.deviceStates.get(info.id) ?? false;
    if (connected && !was) this.deviceStates.set(info.id, true);
    else if (gone && was) this.deviceStates.set(info.id, false);
    else return;
    const active = this.store.activeRecording();
    if (active === null) return;
    this.safely(() => this.store.deviceEvent(active.id, info, connected ? 'connected' : 'disconnected'));
  }

  /** At consultation start: devices already streaming appear in its timeline. */
  noteConnectedDevices(devices: readonly DeviceInfo[]): void {
    const active = this.store.activeRecording();
    if (active === null) return;
    for (const info of devices) {
      if (info.state !== 'streaming' && info.state !== 'no-data') continue;
      this.deviceStates.set(info.id, true);
      this.safely(() => this.store.deviceEvent(active.id, info, 'connected'));
    }
  }

  /** Commits what is buffered now (end of a window, end of a consultation, shutdown). */
  flush(): boolean {
    this.timer?.cancel();
    this.timer = null;
    const id = this.bufferedFor;
    const current = id !== null && (this.numerics.length > 0 || this.chunks.length > 0);
    if (!current && this.retired.length === 0) return true;
    try {
      for (let earlier = this.retired[0]; earlier !== undefined; earlier = this.retired[0]) {
        this.store.recordBatch(earlier.id, earlier);
        this.retired.shift();
        this.stats.committedSamples += earlier.samples;
      }
      if (current) this.store.recordBatch(id, { numerics: this.numerics, chunks: this.chunks });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      if (this.stats.failing === null)
        this.log(`readings not saved yet, kept in memory and retried: ${message}`);
      this.stats.failing = message;
      const starting = this.problem === null;
      if (starting) this.episodeDropped = 0;
      this.problem = {
        code: problemCode(cause),
        message,
        sinceMs: this.problem?.sinceMs ?? this.now(),
        consultations: new Set([
          ...(this.problem?.consultations ?? []),
          ...this.retired.map((earlier) => earlier.id),
          ...(id === null ? [] : [id]),
        ]),
      };
      // Only a full or failing disk is worth retrying; anything else would fail forever.
      const retry = cause instanceof RecordsError && (cause.code === 'disk-full' || cause.code === 'io');
      if (retry) this.schedule();
      else {
        // The start of a failure is reported below, with this loss in it.
        this.countDropped(this.bufferedSamples + this.retiredSamples(), !starting);
        this.retired = [];
        this.clear();
      }
      if (starting) {
        this.noticeHealth();
        this.recordIncident('failing');
      }
      return false;
    }
    if (this.stats.failing !== null) this.log('readings are being saved again');
    this.stats.failing = null;
    const recovered = this.problem !== null;
    if (recovered) this.recordIncident('resumed');
    this.problem = null;
    this.stats.committedBatches += 1;
    this.stats.committedSamples += this.bufferedSamples;
    this.clear();
    if (recovered) this.noticeHealth();
    return true;
  }

  close(): void {
    this.flush();
    this.timer?.cancel();
    this.timer = null;
    this.droppedNoticeTimer?.cancel();
    this.droppedNoticeTimer = null;
  }

  private addWaveform(next: WaveformChunk): void {
    // Merge into the channel's open chunk when it continues it: one row per channel per window.
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const chunk = this.chunks[i];
      if (chunk === undefined || chunk.device !== next.device || chunk.metric !== next.metric) continue;
      const periodMs = 1000 / chunk.rateHz;
      const expected = chunk.startMs + chunk.samples.length * periodMs;
      if (
        chunk.unit === next.unit &&
        chunk.rateHz === next.rateHz &&
        Math.abs(next.startMs - expected) <= periodMs / 2
      ) {
        this.chunks[i] = { ...chunk, samples: [...chunk.samples, ...next.samples] };
        return;
      }
      break;
    }
    this.chunks.push(next);
  }

  private enforceBound(): void {
    while (this.bufferedSamples > this.maxBuffered && (this.numerics.length > 0 || this.chunks.length > 0)) {
      const chunk = this.chunks.shift();
      if (chunk !== undefined) {
        this.bufferedSamples -= chunk.samples.length;
        this.countDropped(chunk.samples.length);
        continue;
      }
      this.numerics.shift();
      this.bufferedSamples -= 1;
      this.countDropped(1);
    }
  }

  private countDropped(readings: number, notice = true): void {
    if (readings === 0) return;
    this.stats.droppedReadings += readings;
    this.episodeDropped += readings;
    if (notice) this.noticeDropped();
  }

  /** A loss update now if none went out in the last second, else one when the second is over. */
  private noticeDropped(): void {
    if (this.droppedNoticeTimer !== null) return;
    const waitMs = this.lastDroppedNotice.atMs + HEALTH_THROTTLE_MS - this.now();
    if (waitMs <= 0) {
      this.noticeHealth();
      return;
    }
    this.droppedNoticeTimer = this.setTimer(() => {
      this.droppedNoticeTimer = null;
      if (this.episodeDropped !== this.lastDroppedNotice.count) this.noticeHealth();
    }, waitMs);
  }

  private noticeHealth(): void {
    this.lastDroppedNotice = { atMs: this.now(), count: this.episodeDropped };
    try {
      this.onHealthChange(this.health());
    } catch (cause) {
      this.log(`recording health not reported: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.flush();
    }, this.windowMs);
  }

  private retire(): void {
    if (this.bufferedFor === null || (this.numerics.length === 0 && this.chunks.length === 0)) return;
    this.retired.push({
      id: this.bufferedFor,
      numerics: this.numerics,
      chunks: this.chunks,
      samples: this.bufferedSamples,
    });
    this.clear();
  }

  private retiredSamples(): number {
    return this.retired.reduce((sum, earlier) => sum + earlier.samples, 0);
  }

  private clear(): void {
    this.numerics = [];
    this.chunks = [];
    this.bufferedSamples = 0;
  }

  /**
   * The failure as a timeline entry of each consultation it hit: when it began, what it was, how
   * many readings it lost. The gap in the record is a technical incident (CSP R6316-4).
   */
  private recordIncident(state: 'failing' | 'resumed'): void {
    if (this.problem === null) return;
    const { consultations, code, sinceMs } = this.problem;
    for (const consultation of consultations) {
      const write = (): void =>
        this.store.recordingEvent(consultation, {
          time: new Date(state === 'failing' ? sinceMs : this.now()).toISOString(),
          state,
          code,
          since: new Date(sinceMs).toISOString(),
          droppedReadings: this.episodeDropped,
        });
      if (state === 'resumed') this.safely(write, 'recording incident');
      else
        try {
          write();
        } catch {
          // The failing disk refusing this too is expected and the failure is already logged with
          // its cause; the `resumed` entry will carry the same facts once writes succeed.
        }
    }
  }

  private safely(fn: () => void, what = 'device event'): void {
    try {
      fn();
    } catch (cause) {
      this.log(`${what} not saved: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  }
}

/** The plain-English sentence per problem (logs, other hosts); the UI translates the code instead. */
const PROBLEM_WORDS: Readonly<Record<RecordingProblemCode, (kept: string) => string>> = {
  'disk-full': (kept) => `Disk full: ${kept} and saved when space is freed`,
  'io-error': (kept) => `Disk error: ${kept} and saved when the disk answers again`,
  'database-closed': () => 'Records database closed: readings are not saved',
  'write-error': () => 'Readings are not saved',
};

function problemCode(cause: unknown): RecordingProblemCode {
  if (!(cause instanceof RecordsError)) return 'write-error';
  if (cause.code === 'disk-full') return 'disk-full';
  if (cause.code === 'io') return 'io-error';
  if (cause.code === 'closed') return 'database-closed';
  return 'write-error';
}
