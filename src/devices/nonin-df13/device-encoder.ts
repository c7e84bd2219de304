import { clockBytes, type DeviceClock } from '../nonin/commands';
import { ETX, MISSING_PULSE_RATE, MISSING_SPO2, OP, STX, TIME_FIELDS } from '../nonin/constants';
import { MIN_DATA_LENGTH, RECORD_HEADER, STATUS_LSB, STATUS_MSB } from './constants';
import { dataChecksum, ETX_BYTE, type SpotCheckRecord } from './frames';

/** Device → host: one spot-check record with the documented 14 data bytes (the inverse of parseRecord). */
export function encodeRecord(r: SpotCheckRecord): Uint8Array {
  const hr = r.pulseRate ?? MISSING_PULSE_RATE;
  const c = r.clock;
  const data = [
    bcd(Math.floor(c.year / 100)),
    bcd(c.year % 100),
    bcd(c.month),
    bcd(c.day),
    bcd(c.hour),
    bcd(c.minute),
    bcd(c.second),
    0x00,
    (r.smartPoint ? STATUS_MSB.smartPoint : 0) | (r.noMeasurement ? STATUS_MSB.noMeasurement : 0),
    (r.fromMemory ? STATUS_LSB.fromMemory : 0) | (r.lowBattery ? STATUS_LSB.lowBattery : 0),
    (hr >> 8) & 0x01,
    hr & 0xff,
    0x00,
    (r.spo2 ?? MISSING_SPO2) & 0x7f,
  ];
  const bytes = Uint8Array.of(...RECORD_HEADER, 0, MIN_DATA_LENGTH, ...data, 0, ETX_BYTE);
  bytes[bytes.length - 2] = dataChecksum(bytes, 6, MIN_DATA_LENGTH);
  return bytes;
}

/** `02 F2 06 YY MM DD hh mm ss 03`: the answer to "get time" (binary fields). */
export function encodeTimeReply(clock: DeviceClock): Uint8Array {
  return Uint8Array.of(STX, OP.timeReply, TIME_FIELDS, ...clockBytes(clock), ETX);
}

function bcd(value: number): number {
  return ((Math.floor(value / 10) % 10) << 4) | (value % 10);
}
