import type { DeviceSimulator, SimulatedValues, SimulatorOptions, SimulatorOutput } from '../driver';
import { EMPTY_OUTPUT } from '../driver';
import { concatBytes } from '../framing/concat';
import { createPrng } from '../framing/prng';
import { ByteReader } from './byte-reader';
import {
  ACTION,
  COMMAND_TYPE,
  FRAME,
  MEASUREMENT_STATE,
  PHYSIO,
  RELATIVE_TICKS_PER_MS,
  RO_TYPE,
  SPDU,
  UNIT,
} from './constants';
import {
  associationResult,
  mdsCreateEvent,
  pollNumericsReply,
  releaseResponse,
  type NumericObject,
  type NumericValue,
} from './device-encoder';
import { FrameScanner, type FrameSink } from './frame-scanner';
import { checkFrame } from './frames';
import { VitalSignsModel, type NibpResult, type VitalSigns } from './vital-signs-model';

const NO_VALUES: SimulatedValues = Object.freeze({});
const NO_VALUE_STATE = MEASUREMENT_STATE.invalid | MEASUREMENT_STATE.unavailable;
/** How long the simulated monitor has been on when the station first speaks to it. */
const DEFAULT_UPTIME_S = 3600;
/** RelativeTime is a u32 of 1/8 ms: it dates at most ~6.2 days back; keep well inside that. */
const RELATIVE_REACH_MS = 2 ** 32 / RELATIVE_TICKS_PER_MS / 2;
/** The wall clock a monitor is given when a held result is too old for RelativeTime (any value works). */
const DEFAULT_WALL_CLOCK_MS = Date.UTC(2026, 0, 1);
/** A cuff cycle ends this long before the poll that first holds its result. */
const RESULT_BEFORE_POLL_MS = 400;

export interface IntellivueSimulatorOptions extends SimulatorOptions {
  /** The poll whose reply first holds a cuff result: 0 = the first poll (default 8, then every `nibpEveryPolls`). */
  readonly nibpFirstPoll?: number;
  /** Polls between cuff results (default 60: one a minute at the station's 1 Hz polls). */
  readonly nibpEveryPolls?: number;
  /**
   * A result the monitor already holds when the session starts, measured `measuredAgoS` seconds
   * before the first poll (its time stamp says so): a measurement from before the consultation.
   */
  readonly heldNibp?: NibpResult & { readonly measuredAgoS: number };
  /**
   * The monitor's wall clock when the station first speaks to it (ms read as if UTC). When set,
   * poll replies carry it and NIBP results carry absolute time stamps too; by default the clock is
   * not set (0xFF), except when a held result is too old for RelativeTime (~6 days).
   */
  readonly wallClockAtStartMs?: number;
}

/**
 * An IntelliVue monitor on its MIB port: answers the association request with an accept and the
 * MDS Create Event Report, answers every poll with the current numerics (HR, SpO2, pulse, the
 * NIBP result it holds with its pulse and measurement time stamp, temperature, respiration), and
 * the release request with a release response. Frames with a bad FCS are ignored, as a monitor
 * would. Polls before an association are ignored too. Whether a real monitor answers polls before
 * the station confirms the create event is unknown; this one does (see PROTOCOL.md), so a fixed
 * host script can drive it.
 * Its relative clock starts `DEFAULT_UPTIME_S` (or longer, to date a held result) before the first
 * message; its wall clock is not set, as on many monitors (PROTOCOL.md). `frames` lists, per poll
 * reply, what the decoder emits: every continuous numeric, and the NIBP values (with nulls before
 * any result) only in the reply that first holds a result.
 */
export class IntellivueSimulator implements DeviceSimulator {
  readonly tickIntervalMs = 100;
  private readonly scanner = new FrameScanner();
  private readonly model: VitalSignsModel;
  private readonly sink: FrameSink;
  private readonly uptimeMs: number;
  private readonly heldAgoMs: number | null;
  private readonly wallClockAtStartMs: number | null;
  private associated: boolean;
  private startMs: number | null = null;
  private nextInvokeId = 1;
  private replies: Uint8Array[] = [];
  private frames: SimulatedValues[] = [];
  private atMs = 0;
  /** The cuff cycle of the result last reported, and its relative time stamp. */
  private reportedCycle: number | null = null;
  /** Monitor ms (relative clock) at which the reported result was measured. */
  private nibpMeasuredMs = 0;

  constructor(options: IntellivueSimulatorOptions = {}) {
    const { heldNibp } = options;
    this.model = new VitalSignsModel(createPrng(options.seed ?? 1), {
      firstStep: options.nibpFirstPoll,
      everySteps: options.nibpEveryPolls,
      held: heldNibp,
    });
    this.heldAgoMs = heldNibp === undefined ? null : Math.max(0, heldNibp.measuredAgoS * 1000);
    const heldWithin = (this.heldAgoMs ?? 0) + 60_000 < RELATIVE_REACH_MS;
    this.uptimeMs = heldWithin
      ? Math.max(DEFAULT_UPTIME_S * 1000, (this.heldAgoMs ?? 0) + 60_000)
      : DEFAULT_UPTIME_S * 1000;
    this.wallClockAtStartMs = options.wallClockAtStartMs ?? (heldWithin ? null : DEFAULT_WALL_CLOCK_MS);
    this.associated = options.autoStart ?? false;
    this.sink = { frame: (content, length) => this.onFrame(content, length), broken: () => undefined };
  }

  get isAssociated(): boolean {
    return this.associated;
  }

  receive(chunk: Uint8Array, atMs: number): SimulatorOutput {
    this.atMs = atMs;
    this.startMs ??= atMs;
    this.replies = [];
    this.frames = [];
    this.scanner.scan(chunk, this.sink);
    return { bytes: concatBytes(this.replies), frames: this.frames };
  }

  /** The monitor speaks only when spoken to: nothing is due on a tick. */
  tick(): SimulatorOutput {
    return EMPTY_OUTPUT;
  }

  private onFrame(content: Uint8Array, length: number): void {
    const bodyLength = checkFrame(content, length);
    if (typeof bodyLength !== 'number' || bodyLength === 0) return;
    const body = content.subarray(FRAME.headerBytes, FRAME.headerBytes + bodyLength);
    switch (body[0]) {
      case SPDU.connect:
        this.associated = true;
        this.send(associationResult(true));
        this.send(mdsCreateEvent(this.takeInvokeId(), relativeTimeOf(this.monitorMs())));
        return;
      case SPDU.finish:
        if (this.associated) this.send(releaseResponse());
        this.associated = false;
        return;
      case SPDU.abort:
        this.associated = false;
        return;
      case SPDU.dataExport:
        return this.onDataExport(new ByteReader(body));
    }
  }

  /** ROIV confirmed action with a poll action type: answer with the numerics. */
  private onDataExport(r: ByteReader): void {
    r.skip(4);
    const roType = r.u16();
    r.skip(2);
    const invokeId = r.u16();
    const commandType = r.u16();
    r.skip(2 + 6 + 4); // argument length, managed object, scope
    const actionType = r.u16();
    r.skip(2);
    const pollNumber = r.u16();
    const isPoll = actionType === ACTION.pollMdibData || actionType === ACTION.pollMdibDataExt;
    if (r.overrun || !this.associated || roType !== RO_TYPE.invoke) return;
    if (commandType !== COMMAND_TYPE.confirmedAction || !isPoll) return;
    const vitals = this.model.next();
    const monitorMs = this.monitorMs();
    const cycle = vitals.nibp?.cycle ?? -1;
    const isNew = cycle !== this.reportedCycle;
    if (isNew) {
      this.reportedCycle = cycle;
      const agoMs = cycle === 0 && this.heldAgoMs !== null ? this.heldAgoMs : RESULT_BEFORE_POLL_MS;
      this.nibpMeasuredMs = monitorMs - agoMs;
    }
    const objects = objectsOf(vitals, this.stampsOf(this.nibpMeasuredMs));
    const reply = pollNumericsReply(
      invokeId,
      pollNumber,
      relativeTimeOf(monitorMs),
      objects,
      this.wallClock(monitorMs),
    );
    this.send(reply, valuesOf(vitals, isNew));
  }

  /** The time stamps a result measured at `measuredMs` carries: relative if in reach, absolute if the clock is set. */
  private stampsOf(measuredMs: number): Pick<NumericObject, 'relativeTimeStamp' | 'absoluteTimeStamp'> {
    const relative = measuredMs >= 0 ? { relativeTimeStamp: relativeTimeOf(measuredMs) } : {};
    const absolute = this.wallClock(measuredMs);
    return absolute === undefined ? relative : { ...relative, absoluteTimeStamp: absolute };
  }

  private wallClock(monitorMs: number): number | undefined {
    return this.wallClockAtStartMs === null ? undefined : this.wallClockAtStartMs + monitorMs - this.uptimeMs;
  }

  private send(frame: Uint8Array, values: SimulatedValues = NO_VALUES): void {
    this.replies.push(frame);
    this.frames.push(values);
  }

  private takeInvokeId(): number {
    const id = this.nextInvokeId;
    this.nextInvokeId = (this.nextInvokeId + 1) & 0xffff;
    return id;
  }

  /** Milliseconds since the monitor started. */
  private monitorMs(): number {
    return this.uptimeMs + this.atMs - (this.startMs ?? this.atMs);
  }
}

function relativeTimeOf(monitorMs: number): number {
  return (monitorMs * RELATIVE_TICKS_PER_MS) >>> 0;
}

function numeric(handle: number, physioId: number, unitCode: number, value: number | null): NumericObject {
  return { handle, values: [nuValue(physioId, unitCode, value)] };
}

function nuValue(physioId: number, unitCode: number, value: number | null): NumericValue {
  return { physioId, unitCode, value, state: value === null ? NO_VALUE_STATE : 0 };
}

/** The poll reply's objects; a held NIBP result carries the time stamps of its measurement. */
function objectsOf(
  v: VitalSigns,
  nibpStamps: Pick<NumericObject, 'relativeTimeStamp' | 'absoluteTimeStamp'>,
): NumericObject[] {
  const dated = v.nibp === null ? {} : nibpStamps;
  return [
    numeric(0x0101, PHYSIO.ecgHeartRate, UNIT.beatsPerMinute, v.heartRate),
    numeric(0x0102, PHYSIO.spo2, UNIT.percent, v.spo2),
    numeric(0x0103, PHYSIO.plethPulseRate, UNIT.beatsPerMinute, v.pulseRate),
    {
      handle: 0x0104,
      compound: true,
      values: [
        nuValue(PHYSIO.nibpSystolic, UNIT.mmHg, v.nibp?.systolic ?? null),
        nuValue(PHYSIO.nibpDiastolic, UNIT.mmHg, v.nibp?.diastolic ?? null),
        nuValue(PHYSIO.nibpMean, UNIT.mmHg, v.nibp?.mean ?? null),
      ],
      ...dated,
    },
    { ...numeric(0x0107, PHYSIO.nibpPulseRate, UNIT.beatsPerMinute, v.nibp?.pulse ?? null), ...dated },
    numeric(0x0105, PHYSIO.temperature, UNIT.degreesCelsius, v.temperature),
    numeric(0x0106, PHYSIO.respirationRate, UNIT.breathsPerMinute, v.respirationRate),
  ];
}

/**
 * What the decoder emits for a poll reply, keyed by metric in its order: the NIBP values only
 * when the reply holds a result not reported before (the held result repeats add nothing).
 */
function valuesOf(v: VitalSigns, nibpIsNew: boolean): SimulatedValues {
  const nibp: SimulatedValues = nibpIsNew
    ? {
        MDC_PRESS_BLD_NONINV_SYS: v.nibp?.systolic ?? null,
        MDC_PRESS_BLD_NONINV_DIA: v.nibp?.diastolic ?? null,
        MDC_PRESS_BLD_NONINV_MEAN: v.nibp?.mean ?? null,
        MDC_PULS_RATE_NON_INV: v.nibp?.pulse ?? null,
      }
    : {};
  return {
    MDC_ECG_HEART_RATE: v.heartRate,
    MDC_PULS_OXIM_SAT_O2: v.spo2,
    MDC_PULS_OXIM_PULS_RATE: v.pulseRate,
    ...nibp,
    MDC_TEMP: v.temperature,
    MDC_RESP_RATE: v.respirationRate,
  };
}
