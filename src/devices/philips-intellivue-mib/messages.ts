import { frameError, type FrameError } from '../framing/frame-error';
import { ByteReader } from './byte-reader';
import { ACTION, ATTRIBUTE, COMMAND_TYPE, NOTIFICATION, RO_TYPE, SPDU } from './constants';
import { decodeFloatType } from './float-type';

/**
 * Parses the body of one frame (device → station). Session-level messages (association accept,
 * refuse, release, abort) are told apart by their first byte; data export messages (first byte
 * 0xE1) carry a ROSE APDU. Layouts: PROTOCOL.md. Anything the station does not use (a GET result,
 * a wave poll) parses to `other` so it is counted as a good frame but yields nothing.
 */

export interface Observation {
  /** Object handle of the metric in the monitor's MDIB. */
  readonly handle: number;
  /** SCADA physiological id (NOM_… term code in partition 2). */
  readonly physioId: number;
  /** MeasurementState bits. */
  readonly state: number;
  readonly unitCode: number;
  /** Null for the FLOAT-Type NaN/NRes/±INF markers. */
  readonly value: number | null;
  /** The observation's own NOM_ATTR_TIME_STAMP_REL (RelativeTime, 1/8 ms), null when absent. */
  readonly relativeTimeStamp: number | null;
  /** Its NOM_ATTR_TIME_STAMP_ABS as wall-clock ms read as if UTC, null when absent or unset. */
  readonly absoluteTimeStamp: number | null;
}

/** When the monitor answered a poll, on its two clocks. */
export interface PollTime {
  /** rel_time_stamp: RelativeTime (1/8 ms since the monitor started). */
  readonly relative: number;
  /** abs_time_stamp as wall-clock ms read as if UTC; null when the monitor's clock is not set. */
  readonly absolute: number | null;
}

export type Message =
  | { readonly kind: 'association'; readonly result: 'accepted' | 'refused' | 'released' | 'aborted' }
  /** The monitor asks to release the association (the station answers nothing; it reconnects). */
  | { readonly kind: 'release-request' }
  | { readonly kind: 'mds-create'; readonly invokeId: number; readonly eventTime: number }
  | {
      readonly kind: 'poll-result';
      readonly invokeId: number;
      readonly pollNumber: number;
      readonly objectCode: number;
      readonly time: PollTime;
      readonly observations: readonly Observation[];
    }
  | { readonly kind: 'remote-error'; readonly invokeId: number; readonly errorValue: number }
  | { readonly kind: 'other'; readonly detail: string };

export function parseMessage(body: Uint8Array): Message | FrameError {
  if (body.length === 0) return frameError('malformed', 'empty frame body');
  switch (body[0]) {
    case SPDU.accept:
      return { kind: 'association', result: 'accepted' };
    case SPDU.refuse:
      return { kind: 'association', result: 'refused' };
    case SPDU.disconnect:
      return { kind: 'association', result: 'released' };
    case SPDU.abort:
      return { kind: 'association', result: 'aborted' };
    case SPDU.finish:
      return { kind: 'release-request' };
    case SPDU.dataExport:
      return parseDataExport(new ByteReader(body));
    default:
      return frameError('unknown-type', `session byte 0x${body[0].toString(16).toUpperCase()}`);
  }
}

function parseDataExport(r: ByteReader): Message | FrameError {
  r.skip(4); // SPpdu: session id, presentation context id
  const roType = r.u16();
  const apdu = r.sub(r.u16());
  if (r.overrun) return frameError('malformed', 'ROSE length exceeds the frame');
  let message: Message;
  switch (roType) {
    case RO_TYPE.invoke:
      message = parseInvoke(apdu);
      break;
    case RO_TYPE.result:
      message = parseResult(apdu);
      break;
    case RO_TYPE.linkedResult:
      apdu.skip(2); // RorlsId: state, count
      message = parseResult(apdu);
      break;
    case RO_TYPE.error: {
      const invokeId = apdu.u16();
      message = { kind: 'remote-error', invokeId, errorValue: apdu.u16() };
      break;
    }
    default:
      return frameError('unknown-type', `ROSE type ${roType}`);
  }
  return apdu.overrun ? frameError('malformed', `${message.kind} message is truncated`) : message;
}

function parseInvoke(r: ByteReader): Message {
  const invokeId = r.u16();
  const commandType = r.u16();
  const args = r.sub(r.u16());
  if (commandType !== COMMAND_TYPE.confirmedEventReport && commandType !== COMMAND_TYPE.eventReport) {
    return { kind: 'other', detail: `invoke of command ${commandType}` };
  }
  args.skip(6); // managed object: class, context id, handle
  const eventTime = args.u32();
  const eventType = args.u16();
  args.sub(args.u16());
  if (args.overrun) r.overrun = true;
  return eventType === NOTIFICATION.mdsCreate
    ? { kind: 'mds-create', invokeId, eventTime }
    : { kind: 'other', detail: `event 0x${eventType.toString(16)}` };
}

function parseResult(r: ByteReader): Message {
  const invokeId = r.u16();
  const commandType = r.u16();
  const result = r.sub(r.u16());
  if (commandType !== COMMAND_TYPE.confirmedAction) {
    return { kind: 'other', detail: `result of ${commandType}` };
  }
  result.skip(6); // managed object
  const actionType = result.u16();
  const reply = result.sub(result.u16());
  if (actionType !== ACTION.pollMdibData && actionType !== ACTION.pollMdibDataExt) {
    return { kind: 'other', detail: `action 0x${actionType.toString(16)}` };
  }
  const pollNumber = reply.u16();
  if (actionType === ACTION.pollMdibDataExt) reply.skip(2); // sequence number
  const relative = reply.u32();
  const absolute = reply.absoluteTime();
  reply.skip(2); // polled object partition
  const objectCode = reply.u16();
  reply.skip(2); // polled attribute group
  const observations = parsePollInfoList(reply);
  if (result.overrun || reply.overrun) r.overrun = true;
  const time = { relative, absolute };
  return { kind: 'poll-result', invokeId, pollNumber, objectCode, time, observations };
}

/** PollInfoList → SingleContextPoll[] → ObservationPoll[] → AttributeList, flattened. */
function parsePollInfoList(r: ByteReader): Observation[] {
  const observations: Observation[] = [];
  const contexts = r.u16();
  const list = r.sub(r.u16());
  for (let c = 0; c < contexts && !list.overrun; c++) {
    list.skip(2); // context id
    const count = list.u16();
    const polls = list.sub(list.u16());
    for (let o = 0; o < count && !polls.overrun; o++) {
      const handle = polls.u16();
      const attributes = polls.u16();
      const attributeBytes = polls.sub(polls.u16());
      const first = observations.length;
      const stamps: TimeStamps = { relativeTimeStamp: null, absoluteTimeStamp: null };
      for (let a = 0; a < attributes && !attributeBytes.overrun; a++) {
        const id = attributeBytes.u16();
        if (!readAttribute(id, attributeBytes.sub(attributeBytes.u16()), handle, stamps, observations)) {
          attributeBytes.overrun = true;
        }
      }
      if (attributeBytes.overrun) polls.overrun = true;
      // The time stamps may come before or after the values they date: date them all at the end.
      if (stamps.relativeTimeStamp !== null || stamps.absoluteTimeStamp !== null) {
        for (let k = first; k < observations.length; k++) {
          const dated = observations[k] as { -readonly [K in keyof Observation]: Observation[K] };
          dated.relativeTimeStamp = stamps.relativeTimeStamp;
          dated.absoluteTimeStamp = stamps.absoluteTimeStamp;
        }
      }
    }
    if (polls.overrun) list.overrun = true;
  }
  if (list.overrun) r.overrun = true;
  return observations;
}

/** The time stamps of one ObservationPoll (they date all its values). */
interface TimeStamps {
  relativeTimeStamp: number | null;
  absoluteTimeStamp: number | null;
}

/**
 * Reads an attribute we use: values into `out`, time stamps into `stamps`; false when a value is
 * shorter than its layout.
 */
function readAttribute(
  id: number,
  value: ByteReader,
  handle: number,
  stamps: TimeStamps,
  out: Observation[],
): boolean {
  switch (id) {
    case ATTRIBUTE.numericObserved:
      out.push(readNuObsValue(value, handle));
      break;
    case ATTRIBUTE.numericCompound: {
      const count = value.u16();
      const values = value.sub(value.u16());
      for (let i = 0; i < count && !values.overrun; i++) out.push(readNuObsValue(values, handle));
      return !values.overrun && !value.overrun;
    }
    case ATTRIBUTE.relativeTimeStamp:
      stamps.relativeTimeStamp = value.u32();
      break;
    case ATTRIBUTE.absoluteTimeStamp:
      stamps.absoluteTimeStamp = value.absoluteTime();
      break;
    // Other attributes (labels, specifications, sample arrays) are skipped whole.
  }
  return !value.overrun;
}

function readNuObsValue(r: ByteReader, handle: number): Observation {
  const physioId = r.u16();
  const state = r.u16();
  const unitCode = r.u16();
  const value = decodeFloatType(r.u32());
  return { handle, physioId, state, unitCode, value, relativeTimeStamp: null, absoluteTimeStamp: null };
}
