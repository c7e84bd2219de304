import { hexToBytes } from '../../../src/devices/framing/hex';
import { encodeFrame } from '../../../src/devices/philips-intellivue-mib/frames';

/**
 * Poll replies written from the PROTOCOL.md tables, not with the device encoder: observations
 * are hex literals (attribute ids, MeasurementState, unit codes, FLOAT-Types, time stamps), and
 * this only fills in the length fields of the layout around them (RORS → ActionResult →
 * PollMdibDataReply → PollInfoList → SingleContextPoll). The frame layer (FCS, escaping) is
 * pinned by the document vectors in framing.test.ts.
 */

/** One ObservationPoll: handle, then its attributes, each given as `id` and value hex. */
export function observation(handle: number, ...attributes: (readonly [string, string])[]): string {
  const list = attributes.map(([id, value]) => `${id} ${u16(bytes(value))} ${value}`).join(' ');
  return `${u16(handle)} ${u16(attributes.length)} ${u16(bytes(list))} ${list}`;
}

/** NOM_ATTR_NU_VAL_OBS (0950): physio id, state, unit code, FLOAT-Type. */
export const nuValue = (physio: string, state: string, unit: string, float: string) =>
  ['09 50', `${physio} ${state} ${unit} ${float}`] as const;

/** NOM_ATTR_NU_CMPD_VAL_OBS (094B): count, length, NuObsValue[]. */
export const nuCompound = (...values: string[]) =>
  ['09 4B', `${u16(values.length)} ${u16(bytes(values.join(' ')))} ${values.join(' ')}`] as const;

/** NOM_ATTR_TIME_STAMP_REL (0991): RelativeTime u32, 1/8 ms. */
export const relativeStamp = (ticks: number) => ['09 91', u32(ticks)] as const;

/** NOM_ATTR_TIME_STAMP_ABS (0990): 8 BCD bytes. */
export const absoluteStamp = (bcd: string) => ['09 90', bcd] as const;

/**
 * A whole frame: RORS (ro_type 2), confirmed action (7), NOM_ACT_POLL_MDIB_DATA (0C16) reply with
 * rel_time_stamp `relative`, abs_time_stamp `absolute` (BCD hex, FF… = not set), numerics.
 */
export function pollReply(
  relative: number,
  observations: string[],
  absolute = 'FF FF FF FF FF FF FF FF',
): Uint8Array {
  const polls = observations.join(' ');
  const context = `00 00 ${u16(observations.length)} ${u16(bytes(polls))} ${polls}`;
  const list = `00 01 ${u16(bytes(context))} ${context}`;
  const reply = `00 01 ${u32(relative)} ${absolute} 00 01 00 06 00 00 ${list}`;
  const result = `00 21 00 00 00 00 0C 16 ${u16(bytes(reply))} ${reply}`;
  const rors = `00 01 00 07 ${u16(bytes(result))} ${result}`;
  return encodeFrame(hexToBytes(`E1 00 00 02 00 02 ${u16(bytes(rors))} ${rors}`));
}

function bytes(hex: string): number {
  return hex.replace(/\s+/g, '').length / 2;
}

function u16(value: number): string {
  return [value >>> 8, value & 0xff].map(hex2).join(' ');
}

function u32(value: number): string {
  return `${u16(value >>> 16)} ${u16(value & 0xffff)}`;
}

function hex2(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
