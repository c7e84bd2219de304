import type { SimulatedValues } from '../../../src/devices/driver';
import {
  associationResult,
  mdsCreateEvent,
  pollNumericsReply,
  remoteError,
  type NumericObject,
} from '../../../src/devices/philips-intellivue-mib/device-encoder';

/** Hand-built monitor output for decoder tests: the replies of a session, with what each says. */
export interface Capture {
  readonly frames: readonly Uint8Array[];
  /** Per frame, the numerics the decoder must emit, in order (empty for non-poll frames). */
  readonly values: readonly SimulatedValues[];
}

const HR = 0x4182;
const SPO2 = 0x4bb8;
const PULSE = 0x4822;
const TEMP = 0x4b48;
const RESP = 0x500a;
const BPM = 0x0aa0;

export function pollObjects(i: number): { objects: NumericObject[]; values: SimulatedValues } {
  const probeOff = i >= 10 && i < 13;
  const nibp = i >= 5 ? { sys: 113 + i, dia: 76, mean: 90 } : null;
  const objects: NumericObject[] = [
    { handle: 1, values: [{ physioId: HR, unitCode: BPM, value: 70 + (i % 7) }] },
    {
      handle: 2,
      values: [
        { physioId: SPO2, unitCode: 0x0220, value: probeOff ? null : 97, state: probeOff ? 0x8000 : 0 },
      ],
    },
    // A valid-looking value with the "invalid" state bit set must still become null.
    { handle: 3, values: [{ physioId: PULSE, unitCode: BPM, value: 71, state: probeOff ? 0x8000 : 0 }] },
    {
      handle: 4,
      compound: true,
      values: [
        { physioId: 0x4a05, unitCode: 0x0f20, value: nibp?.sys ?? null, state: nibp ? 0 : 0x2000 },
        { physioId: 0x4a06, unitCode: 0x0f20, value: nibp?.dia ?? null, state: nibp ? 0 : 0x2000 },
        { physioId: 0x4a07, unitCode: 0x0f20, value: nibp?.mean ?? null, state: nibp ? 0 : 0x2000 },
      ],
    },
    // No metric for this physio id, and a temperature in °F: neither becomes a reading.
    { handle: 5, values: [{ physioId: 0x5012, unitCode: BPM, value: 3 }] },
    { handle: 6, values: [{ physioId: TEMP, unitCode: 0x17e0, value: 98.6 }] },
    { handle: 7, values: [{ physioId: TEMP, unitCode: 0x17a0, value: 36.8 }] },
    { handle: 8, values: [{ physioId: RESP, unitCode: 0x0ae0, value: 14 + (i % 2) }] },
  ];
  const values: SimulatedValues = {
    MDC_ECG_HEART_RATE: 70 + (i % 7),
    MDC_PULS_OXIM_SAT_O2: probeOff ? null : 97,
    MDC_PULS_OXIM_PULS_RATE: probeOff ? null : 71,
    MDC_PRESS_BLD_NONINV_SYS: nibp?.sys ?? null,
    MDC_PRESS_BLD_NONINV_DIA: nibp?.dia ?? null,
    MDC_PRESS_BLD_NONINV_MEAN: nibp?.mean ?? null,
    MDC_TEMP: 36.8,
    MDC_RESP_RATE: 14 + (i % 2),
  };
  return { objects, values };
}

const NIBP_METRICS = ['MDC_PRESS_BLD_NONINV_SYS', 'MDC_PRESS_BLD_NONINV_DIA', 'MDC_PRESS_BLD_NONINV_MEAN'];

/**
 * A session: the monitor's replies, with what the decoder emits for each. The NIBP object carries
 * no time stamp here, so a result is new when its values change (the fallback rule); its values
 * (nulls before the first result, once) appear only in the polls where they change.
 */
export function capture(polls = 20): Capture {
  const frames: Uint8Array[] = [associationResult(true), mdsCreateEvent(1, 0)];
  const values: SimulatedValues[] = [{}, {}];
  let lastNibp: string | null = null;
  for (let i = 0; i < polls; i++) {
    const poll = pollObjects(i);
    frames.push(pollNumericsReply(i + 1, i + 1, i * 8000, poll.objects));
    const nibp = NIBP_METRICS.map((m) => poll.values[m]).join(',');
    const repeat = nibp === lastNibp;
    lastNibp = nibp;
    values.push(
      repeat
        ? Object.fromEntries(Object.entries(poll.values).filter(([m]) => !NIBP_METRICS.includes(m)))
        : poll.values,
    );
    if (i === 7) {
      frames.push(remoteError(99, 3));
      values.push({});
    }
  }
  return { frames, values };
}

/** The expected numerics, flattened: [metric, value] in emission order. */
export function flatten(values: readonly SimulatedValues[]): [string, number | null][] {
  return values.flatMap((v) => Object.entries(v));
}
