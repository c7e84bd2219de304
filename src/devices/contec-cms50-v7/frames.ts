import { frameError, type FrameError } from '../framing/frame-error';
import {
  PACKAGE,
  REASON_NAMES,
  UPLINK_LENGTH_BY_TYPE,
  INVALID_PI,
  INVALID_PULSE_RATE,
  INVALID_SPO2,
} from './constants';
import { emptyRealtimeFields, readRealtime, restoreData, type RealtimeFields } from './realtime';

/**
 * Pure decoding of one V7 uplink package (device → PC). Layout rules and field tables: PROTOCOL.md.
 * `parsePackage` validates everything; the streaming decoder validates the layout while scanning
 * and then uses the same field readers, so both paths decode identically.
 */

export type { FrameError } from '../framing/frame-error';

export {
  emptyRealtimeFields,
  readRealtime,
  restoreData,
  restoredByte,
  type RealtimeFields,
} from './realtime';

export type ParsedPackage =
  | ({ readonly kind: 'realtime' } & Readonly<RealtimeFields>)
  | { readonly kind: 'model-segment'; readonly segment: number; readonly text: string }
  | { readonly kind: 'vendor'; readonly text: string }
  | { readonly kind: 'device-id'; readonly id: string }
  | { readonly kind: 'user-info'; readonly user: number; readonly name: string }
  /** Reply to 0xA0 (not in the V7 table): OSCAR reads the second data byte as the protocol version. */
  | { readonly kind: 'version'; readonly data: readonly number[]; readonly version: number }
  | {
      readonly kind: 'storage-start-date';
      readonly user: number;
      readonly segment: number;
      readonly year: number;
      readonly month: number;
      readonly day: number;
    }
  | {
      readonly kind: 'storage-length';
      readonly user: number;
      readonly segment: number;
      readonly length: number;
    }
  | { readonly kind: 'storage-samples'; readonly samples: readonly StoredSample[] }
  | { readonly kind: 'storage-segment-count'; readonly user: number; readonly count: number }
  | {
      readonly kind: 'command-feedback';
      readonly command: number;
      readonly reason: number;
      readonly reasonName: string;
    }
  | { readonly kind: 'free' }
  | { readonly kind: 'disconnect-notice'; readonly reason: number; readonly reasonName: string }
  | { readonly kind: 'pi-identifier'; readonly piSupported: boolean }
  | { readonly kind: 'user-count'; readonly count: number }
  /** `storageDataPresent` is known for notice type 0x01 only. */
  | {
      readonly kind: 'device-notice';
      readonly noticeType: number;
      readonly info: readonly number[];
      readonly storageDataPresent: boolean | null;
    }
  | {
      readonly kind: 'storage-start-time';
      readonly user: number;
      readonly segment: number;
      readonly hour: number;
      readonly minute: number;
      readonly second: number;
    }
  /** `hasPi`: 0xA1 with PI, 0xA0 without, null for any other value. */
  | {
      readonly kind: 'storage-identifiers';
      readonly user: number;
      readonly segment: number;
      readonly hasPi: boolean | null;
    };

export interface StoredSample {
  readonly spo2: number | null;
  readonly pulseRate: number | null;
  readonly perfusionIndex?: number | null;
}

/** Checks the V7 layout rules of one whole package; null when it is well formed. */
export function checkLayout(bytes: Uint8Array): FrameError | null {
  if (bytes.length < 2) return frameError('malformed', `package of ${bytes.length} byte(s) is too short`);
  const type = bytes[0];
  if (type & 0x80) return frameError('malformed', `type byte 0x${hex(type)} has bit 7 set`);
  const expected = UPLINK_LENGTH_BY_TYPE[type];
  if (expected === 0) return frameError('unknown-type', `unknown package type 0x${hex(type)}`);
  if (bytes.length !== expected) {
    return frameError('malformed', `type 0x${hex(type)} is ${expected} bytes long, got ${bytes.length}`);
  }
  const highByte = bytes[1];
  if (!(highByte & 0x80)) return frameError('malformed', 'high byte lacks bit 7');
  for (let i = 2; i < expected; i++) {
    if (!(bytes[i] & 0x80)) return frameError('malformed', `byte ${i} lacks bit 7`);
  }
  if ((highByte & 0x7f) >> (expected - 2)) {
    return frameError('malformed', `high byte 0x${hex(highByte)} flags bytes the package does not have`);
  }
  return null;
}

/** Decodes one whole uplink package, validating its layout first. */
export function parsePackage(bytes: Uint8Array): ParsedPackage | FrameError {
  return checkLayout(bytes) ?? decodeValidPackage(bytes, 0);
}

/** Decodes a package whose layout is known to be valid (type known, length right, bit 7 rules held). */
export function decodeValidPackage(bytes: Uint8Array, offset: number): ParsedPackage | FrameError {
  const type = bytes[offset];
  const d = restoreData(bytes, offset, UPLINK_LENGTH_BY_TYPE[type]);
  const b = (i: number): number => d[i];
  switch (type) {
    case PACKAGE.realtime: {
      const fields = emptyRealtimeFields();
      const error = readRealtime(bytes, offset, fields);
      return error === null ? { kind: 'realtime', ...fields } : frameError('out-of-range', error);
    }
    case PACKAGE.modelSegment:
      return { kind: 'model-segment', segment: b(0), text: text(d.slice(1)) };
    case PACKAGE.vendor:
      return { kind: 'vendor', text: text(d) };
    case PACKAGE.deviceId:
      return { kind: 'device-id', id: text(d) };
    case PACKAGE.userInfo:
      return { kind: 'user-info', user: b(0), name: text(d.slice(1)) };
    case PACKAGE.version:
      return { kind: 'version', data: d, version: b(1) };
    case PACKAGE.storageStartDate:
      return {
        kind: 'storage-start-date',
        user: b(0),
        segment: b(1),
        year: b(2) * 100 + b(3),
        month: b(4),
        day: b(5),
      };
    case PACKAGE.storageLength:
      return {
        kind: 'storage-length',
        user: b(0),
        segment: b(1),
        length: (b(2) | (b(3) << 8) | (b(4) << 16) | (b(5) << 24)) >>> 0,
      };
    case PACKAGE.storageDataWithPi: {
      const pi = b(2) | (b(3) << 8);
      return {
        kind: 'storage-samples',
        samples: [{ ...storedVitals(b(0), b(1)), perfusionIndex: pi === INVALID_PI ? null : pi / 100 }],
      };
    }
    case PACKAGE.storageDataWithoutPi:
      return { kind: 'storage-samples', samples: [0, 2, 4].map((i) => storedVitals(b(i), b(i + 1))) };
    case PACKAGE.storageSegmentCount:
      return { kind: 'storage-segment-count', user: b(0), count: b(1) };
    case PACKAGE.commandFeedback:
      return { kind: 'command-feedback', command: b(0), reason: b(1), reasonName: reasonName(b(1)) };
    case PACKAGE.free:
      return { kind: 'free' };
    case PACKAGE.disconnectNotice:
      return { kind: 'disconnect-notice', reason: b(0), reasonName: reasonName(b(0)) };
    case PACKAGE.piIdentifier:
      if (b(0) > 1) return frameError('out-of-range', `PI identifier 0x${hex(b(0))} is neither 0 nor 1`);
      return { kind: 'pi-identifier', piSupported: b(0) === 0 };
    case PACKAGE.userCount:
      return { kind: 'user-count', count: b(0) };
    case PACKAGE.deviceNotice:
      return {
        kind: 'device-notice',
        noticeType: b(0),
        info: d.slice(1),
        storageDataPresent: b(0) === 1 ? b(1) === 1 : null,
      };
    case PACKAGE.storageStartTime:
      return {
        kind: 'storage-start-time',
        user: b(0),
        segment: b(1),
        hour: b(2),
        minute: b(3),
        second: b(4),
      };
    case PACKAGE.storageIdentifiers:
      return {
        kind: 'storage-identifiers',
        user: b(0),
        segment: b(1),
        hasPi: b(2) === 0xa1 ? true : b(2) === 0xa0 ? false : null,
      };
    default:
      return frameError('unknown-type', `unknown package type 0x${hex(type)}`);
  }
}

export function reasonName(reason: number): string {
  return REASON_NAMES[reason] ?? `reason 0x${hex(reason)}`;
}

function storedVitals(spo2: number, pulseRate: number): StoredSample {
  return {
    spo2: spo2 === INVALID_SPO2 ? null : spo2,
    pulseRate: pulseRate === INVALID_PULSE_RATE ? null : pulseRate,
  };
}

/** Device strings are 8-bit characters; padding NULs are dropped, spaces kept (the caller trims). */
function text(codes: readonly number[]): string {
  return String.fromCharCode(...codes.filter((c) => c !== 0));
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
