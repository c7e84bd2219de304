import type { DeviceSimulator, SimulatedValues, SimulatorOptions, SimulatorOutput } from '../driver';
import { EMPTY_OUTPUT } from '../driver';
import { concatBytes } from '../framing/concat';
import { createPrng } from '../framing/prng';
import { ByteReader } from './byte-reader';
import { ACTION, COMMAND_TYPE, FRAME, MEASUREMENT_STATE, PHYSIO, RO_TYPE, SPDU, UNIT } from './constants';
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
import { VitalSignsModel, type VitalSigns } from './vital-signs-model';

const NO_VALUES: SimulatedValues = Object.freeze({});
/** RelativeTime counts 1/8 ms. */
const RELATIVE_TICKS_PER_MS = 8;
const NO_VALUE_STATE = MEASUREMENT_STATE.invalid | MEASUREMENT_STATE.unavailable;

/**
 * An IntelliVue monitor on its MIB port: answers the association request with an accept and the
 * MDS Create Event Report, answers every poll with the current numerics (HR, SpO2, pulse, NIBP
 * after the first cuff cycle, temperature, respiration), and the release request with a release
 * response. Frames with a bad FCS are ignored, as a monitor would. Polls before an association
 * are ignored too. Whether a real monitor answers polls before the station confirms the create
 * event is unknown; this one does (see PROTOCOL.md), so a fixed host script can drive it.
 */
export class IntellivueSimulator implements DeviceSimulator {
  readonly tickIntervalMs = 100;
  private readonly scanner = new FrameScanner();
  private readonly model: VitalSignsModel;
  private readonly sink: FrameSink;
  private associated: boolean;
  private startMs: number | null = null;
  private nextInvokeId = 1;
  private replies: Uint8Array[] = [];
  private frames: SimulatedValues[] = [];
  private atMs = 0;

  constructor(options: SimulatorOptions = {}) {
    this.model = new VitalSignsModel(createPrng(options.seed ?? 1));
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
        this.send(mdsCreateEvent(this.takeInvokeId(), this.relativeTime()));
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
    this.send(
      pollNumericsReply(invokeId, pollNumber, this.relativeTime(), objectsOf(vitals)),
      valuesOf(vitals),
    );
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

  private relativeTime(): number {
    return ((this.atMs - (this.startMs ?? this.atMs)) * RELATIVE_TICKS_PER_MS) >>> 0;
  }
}

function numeric(handle: number, physioId: number, unitCode: number, value: number | null): NumericObject {
  return { handle, values: [nuValue(physioId, unitCode, value)] };
}

function nuValue(physioId: number, unitCode: number, value: number | null): NumericValue {
  return { physioId, unitCode, value, state: value === null ? NO_VALUE_STATE : 0 };
}

function objectsOf(v: VitalSigns): NumericObject[] {
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
    },
    numeric(0x0105, PHYSIO.temperature, UNIT.degreesCelsius, v.temperature),
    numeric(0x0106, PHYSIO.respirationRate, UNIT.breathsPerMinute, v.respirationRate),
  ];
}

/** What a poll reply says, keyed by metric in the order the decoder emits it. */
function valuesOf(v: VitalSigns): SimulatedValues {
  return {
    MDC_ECG_HEART_RATE: v.heartRate,
    MDC_PULS_OXIM_SAT_O2: v.spo2,
    MDC_PULS_OXIM_PULS_RATE: v.pulseRate,
    MDC_PRESS_BLD_NONINV_SYS: v.nibp?.systolic ?? null,
    MDC_PRESS_BLD_NONINV_DIA: v.nibp?.diastolic ?? null,
    MDC_PRESS_BLD_NONINV_MEAN: v.nibp?.mean ?? null,
    MDC_TEMP: v.temperature,
    MDC_RESP_RATE: v.respirationRate,
  };
}
