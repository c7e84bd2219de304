import { ByteWriter } from './byte-reader';
import {
  ABSOLUTE_TIME_BYTES,
  ACTION,
  ATTRIBUTE,
  COMMAND_TYPE,
  DATA_EXPORT_CONTEXT_ID,
  DATA_EXPORT_SESSION_ID,
  NOTIFICATION,
  OBJECT_CLASS,
  PARTITION,
  RO_TYPE,
  SPDU,
} from './constants';
import { encodeAbsoluteTime, UNSET_ABSOLUTE_TIME } from './absolute-time';
import { encodeFloatType } from './float-type';
import { encodeFrame } from './frames';
import { dataExportMessage, writeMdsObject } from './rose-writer';

/** Monitor → station messages for the simulator and tests, each as one wire frame. The inverse of messages.ts. */

/**
 * Association result. Only the session byte (0x0E accept, 0x0C refuse) is from a source; the rest
 * of a real AARE (presentation/ACSE wrapping, the monitor's MDSE user info) is not public, so this
 * stand-in carries the length indicator and zero padding.
 */
export function associationResult(accepted: boolean): Uint8Array {
  const padding = 8;
  const body = new Uint8Array(2 + padding);
  body[0] = accepted ? SPDU.accept : SPDU.refuse;
  body[1] = padding;
  return encodeFrame(body);
}

/** Release response: the same message the station would send (commands.ts). */
export { releaseResponse } from './commands';

/** MDS Create Event Report: a confirmed event report on the MDS object with its relative time. */
export function mdsCreateEvent(invokeId: number, relativeTime: number): Uint8Array {
  return encodeFrame(
    dataExportMessage(RO_TYPE.invoke, invokeId, COMMAND_TYPE.confirmedEventReport, (w) => {
      writeMdsObject(w);
      w.u32(relativeTime).u16(NOTIFICATION.mdsCreate);
      const end = w.lengthField();
      writeMdsObject(w); // MdsCreateInfo.managed_object
      w.u16(1); // attribute list: one attribute
      const endList = w.lengthField();
      w.u16(ATTRIBUTE.relativeTime).u16(4).u32(relativeTime);
      endList();
      end();
    }),
  );
}

export interface NumericValue {
  readonly physioId: number;
  readonly unitCode: number;
  /** Null goes out as the FLOAT-Type NaN with the measurement state `state`. */
  readonly value: number | null;
  readonly state?: number;
}

/**
 * One numeric object: a single value (NU_VAL_OBS) or a compound of values (NU_CMPD_VAL_OBS), with
 * the time stamps that date its measurement when given (written after the value, as a monitor may).
 */
export interface NumericObject {
  readonly handle: number;
  readonly values: readonly NumericValue[];
  readonly compound?: boolean;
  /** NOM_ATTR_TIME_STAMP_REL, RelativeTime (1/8 ms). */
  readonly relativeTimeStamp?: number;
  /** NOM_ATTR_TIME_STAMP_ABS, the monitor's wall clock as ms read as if UTC. */
  readonly absoluteTimeStamp?: number;
}

/**
 * Reply to an extended poll of numerics: one context, one observation per object. The reply's
 * absolute time is "not set" unless `absoluteTime` (wall clock, ms read as if UTC) is given.
 */
export function pollNumericsReply(
  invokeId: number,
  pollNumber: number,
  relativeTime: number,
  objects: readonly NumericObject[],
  absoluteTime?: number,
): Uint8Array {
  return encodeFrame(
    dataExportMessage(RO_TYPE.result, invokeId, COMMAND_TYPE.confirmedAction, (w) => {
      writeMdsObject(w);
      w.u16(ACTION.pollMdibDataExt);
      const end = w.lengthField();
      w.u16(pollNumber).u16(0).u32(relativeTime);
      w.append(absoluteTime === undefined ? UNSET_ABSOLUTE_TIME : encodeAbsoluteTime(absoluteTime));
      w.u16(PARTITION.object).u16(OBJECT_CLASS.numeric).u16(0);
      w.u16(1); // one SingleContextPoll
      const endContexts = w.lengthField();
      w.u16(0).u16(objects.length);
      const endObservations = w.lengthField();
      for (const object of objects) writeObservation(w, object);
      endObservations();
      endContexts();
      end();
    }),
  );
}

/** A remote operation error for `invokeId` (ROER: invoke id, error value, empty parameter). */
export function remoteError(invokeId: number, errorValue: number): Uint8Array {
  const w = new ByteWriter();
  w.u16(DATA_EXPORT_SESSION_ID).u16(DATA_EXPORT_CONTEXT_ID).u16(RO_TYPE.error);
  const end = w.lengthField();
  w.u16(invokeId).u16(errorValue).u16(0);
  end();
  return encodeFrame(w.toBytes());
}

function writeObservation(w: ByteWriter, object: NumericObject): void {
  const { relativeTimeStamp, absoluteTimeStamp } = object;
  const attributes =
    1 + (relativeTimeStamp === undefined ? 0 : 1) + (absoluteTimeStamp === undefined ? 0 : 1);
  w.u16(object.handle).u16(attributes);
  const endAttributes = w.lengthField();
  if (object.compound) {
    w.u16(ATTRIBUTE.numericCompound);
    const endValue = w.lengthField();
    w.u16(object.values.length);
    const endList = w.lengthField();
    for (const value of object.values) writeNuObsValue(w, value);
    endList();
    endValue();
  } else {
    w.u16(ATTRIBUTE.numericObserved);
    const endValue = w.lengthField();
    writeNuObsValue(w, object.values[0]);
    endValue();
  }
  if (relativeTimeStamp !== undefined) w.u16(ATTRIBUTE.relativeTimeStamp).u16(4).u32(relativeTimeStamp);
  if (absoluteTimeStamp !== undefined) {
    w.u16(ATTRIBUTE.absoluteTimeStamp).u16(ABSOLUTE_TIME_BYTES).append(encodeAbsoluteTime(absoluteTimeStamp));
  }
  endAttributes();
}

function writeNuObsValue(w: ByteWriter, v: NumericValue): void {
  w.u16(v.physioId)
    .u16(v.state ?? 0)
    .u16(v.unitCode)
    .u32(encodeFloatType(v.value));
}
