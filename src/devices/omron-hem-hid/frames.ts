import { frameError, type FrameError } from '../framing/frame-error';
import { wallClockError, type WallClockTime } from '../bp/device-clock';
import { ASCII, COUNT_OFFSET, RECORD, REPLY_BYTES, YEAR_BASE } from './constants';

/**
 * Device → host messages, once the count-prefixed reports are joined (see report-reader.ts):
 * "OK" alone, "NO", "OFF\r\n", or "OK" + data + a check byte such that the XOR of everything after
 * "OK" is zero. The length tells which reply it is (the device never says): 15 = VER, 8 = GDC,
 * 17 = GME.
 */
export type OmronMessage =
  | { readonly kind: 'status'; readonly status: 'OK' | 'NO' | 'OFF' }
  | { readonly kind: 'version'; readonly version: string }
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'record'; readonly record: OmronRecord }
  /** A checked "OK" reply of a length we do not ask for (PRF, SRL, weekly averages). */
  | { readonly kind: 'other'; readonly bytes: Uint8Array };

export interface OmronRecord {
  readonly time: WallClockTime;
  readonly systolic: number;
  readonly diastolic: number;
  readonly pulse: number;
  /** 0x0X single reading; 0x1X/0x2X/0x3X first/second/third of a TruRead series. */
  readonly flags: number;
}

export function isOffMessage(m: Uint8Array): boolean {
  return m.length >= 3 && m[0] === ASCII.O && m[1] === ASCII.F && m[2] === ASCII.F;
}

/** The three status replies, shared: a session answers "OK" to every clearing block. */
const STATUS = {
  OK: Object.freeze({ kind: 'status', status: 'OK' } as const),
  NO: Object.freeze({ kind: 'status', status: 'NO' } as const),
  OFF: Object.freeze({ kind: 'status', status: 'OFF' } as const),
};

export function parseMessage(m: Uint8Array): OmronMessage | FrameError {
  if (isOffMessage(m)) {
    const tail = m.length >= 5 ? m[3] === ASCII.CR && m[4] === ASCII.LF : false;
    return tail ? STATUS.OFF : frameError('malformed', 'OFF reply without its CR LF');
  }
  if (m.length === 2 && m[0] === ASCII.N && m[1] === ASCII.O) return STATUS.NO;
  if (m.length < 2 || m[0] !== ASCII.O || m[1] !== ASCII.K) {
    return frameError('malformed', 'reply starts with neither OK, NO nor OFF');
  }
  if (m.length === 2) return STATUS.OK;
  if (m.length < 4) return frameError('malformed', `OK reply of ${m.length} bytes has no room for a check`);
  let x = 0;
  for (let i = 2; i < m.length; i++) x ^= m[i];
  if (x !== 0) return frameError('checksum', `XOR over the reply is 0x${x.toString(16)}, not 0`);
  switch (m.length) {
    case REPLY_BYTES.version:
      return { kind: 'version', version: asciiOf(m.subarray(3, m.length - 1)) };
    case REPLY_BYTES.count:
      return { kind: 'count', count: m[COUNT_OFFSET] };
    case REPLY_BYTES.record:
      return parseRecord(m);
    default:
      return { kind: 'other', bytes: m.slice() };
  }
}

function parseRecord(m: Uint8Array): OmronMessage | FrameError {
  const time: WallClockTime = {
    year: YEAR_BASE + m[RECORD.year],
    month: m[RECORD.month],
    day: m[RECORD.day],
    hour: m[RECORD.hour],
    minute: m[RECORD.minute],
    second: m[RECORD.second],
  };
  const invalid = wallClockError(time);
  if (invalid !== null) return frameError('out-of-range', `record time: ${invalid}`);
  return {
    kind: 'record',
    record: {
      time,
      systolic: m[RECORD.systolic],
      diastolic: m[RECORD.diastolic],
      pulse: m[RECORD.pulse],
      flags: m[RECORD.flags],
    },
  };
}

/** Printable ASCII kept, anything else shown as "?" (a version string is for display only). */
function asciiOf(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '?';
  return out.trimEnd();
}
