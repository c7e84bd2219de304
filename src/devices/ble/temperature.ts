import {
  formatIsoTime,
  ReadingList,
  roundTo,
  tooShort,
  type BleDecodeOptions,
  type BleDecodeResult,
  type TimeFormatter,
} from './ble-decoded';
import { DATE_TIME_BYTES, readDateTime } from './ble-time';
import { readFloat } from './float';

/**
 * Temperature Measurement 0x2A1C (service 0x1809, indicate), device-protocols §9:
 * flags u8 | FLOAT temperature | [Date Time (bit 1)] | [u8 temperature type (bit 2)];
 * flag bit 0: 0 = °C, 1 = °F.
 */
export const TEMPERATURE_FLAG = { fahrenheit: 0x01, timestamp: 0x02, temperatureType: 0x04 } as const;

/** Temperature Type values (SIG): where on the body the thermometer measured. */
export const TEMPERATURE_SITES: Readonly<Record<number, string>> = {
  1: 'armpit',
  2: 'body',
  3: 'ear',
  4: 'finger',
  5: 'gastro-intestinal tract',
  6: 'mouth',
  7: 'rectum',
  8: 'toe',
  9: 'tympanum',
};

export interface TemperatureMeasurement {
  /**
   * °C, converted from °F (0.01 °C resolution) before any range check; null for FLOAT NaN, NRes or
   * reserved, ±Infinity for ±INF (beyond the thermometer's range: dropped by the reading rules).
   */
  readonly celsius: number | null;
  readonly unit: 'Cel' | '[degF]';
  readonly timestampMs: number | null;
  /** The Temperature Type code; undefined when absent. */
  readonly temperatureType: number | undefined;
  /** Its name, or undefined for an absent or reserved code. */
  readonly site: string | undefined;
}

/**
 * One MDC_TEMP_BODY numeric in Cel: every Temperature Type is a body site, and a Health Thermometer
 * measures the patient. The site stays a decoded field: our readings have no body-site attribute.
 * Stamped with the device's timestamp when present and known, otherwise the arrival time.
 */
export function decodeTemperature(
  bytes: Uint8Array,
  atMs: number,
  deviceId: string,
  options: BleDecodeOptions = {},
  formatTime: TimeFormatter = formatIsoTime,
): BleDecodeResult<TemperatureMeasurement> {
  const flags = bytes[0] ?? 0;
  const F = TEMPERATURE_FLAG;
  const needed = 5 + (flags & F.timestamp ? DATE_TIME_BYTES : 0) + (flags & F.temperatureType ? 1 : 0);
  if (bytes.length < needed) return tooShort('temperature', flags, needed, bytes.length);

  const fahrenheit = (flags & F.fahrenheit) !== 0;
  const raw = readFloat(bytes, 1);
  const celsius = raw === null || !fahrenheit ? raw : roundTo(((raw - 32) * 5) / 9, 2);
  let offset = 5;
  let timestampMs: number | null = null;
  if (flags & F.timestamp) {
    const time = readDateTime(bytes, offset, options.utcOffsetMinutes ?? 0, options.zone);
    if (time !== null && typeof time === 'object') return time;
    timestampMs = time;
    offset += DATE_TIME_BYTES;
  }
  const temperatureType = flags & F.temperatureType ? bytes[offset] : undefined;
  const site = temperatureType === undefined ? undefined : TEMPERATURE_SITES[temperatureType];

  const out = new ReadingList(deviceId, formatTime(timestampMs ?? atMs));
  out.numeric('MDC_TEMP_BODY', celsius, 'Cel');
  return {
    kind: 'decoded',
    fields: { celsius, unit: fahrenheit ? '[degF]' : 'Cel', timestampMs, temperatureType, site },
    readings: out.readings,
    deviceTimeMs: timestampMs,
  };
}
