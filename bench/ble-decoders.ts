import { performance } from 'node:perf_hooks';
import { BLE_CHARACTERISTIC, BLE_PROFILES } from '../src/devices/ble';
import { ValueWriter } from '../src/devices/ble/value-writer';
import { fmt, median } from './stats';

const VALUES = 1_000_000;
const VARIANTS = 64;
const RUNS = 5;

/** Characteristic values as devices send them, with a few fields varying so nothing is constant. */
function sampleValue(characteristic: string, i: number): Uint8Array {
  const w = new ValueWriter();
  switch (characteristic) {
    case BLE_CHARACTERISTIC.heartRateMeasurement: // contact supported and detected, 8-bit HR
      return w
        .u8(0x06)
        .u8(60 + (i % 40))
        .toBytes();
    case BLE_CHARACTERISTIC.bloodPressureMeasurement: // mmHg, timestamp, pulse
      return w
        .u8(0x06)
        .sfloat(110 + (i % 30))
        .sfloat(70 + (i % 20))
        .sfloat(85 + (i % 20))
        .dateTime(2026, 11, 25, 9, i % 60, (i * 7) % 60)
        .sfloat(60 + (i % 30))
        .toBytes();
    case BLE_CHARACTERISTIC.intermediateCuffPressure: // current cuff pressure, the rest NaN
      return w
        .u8(0x00)
        .sfloat(40 + (i % 150))
        .u16(0x07ff)
        .u16(0x07ff)
        .toBytes();
    case BLE_CHARACTERISTIC.plxSpotCheckMeasurement:
    case BLE_CHARACTERISTIC.plxContinuousMeasurement:
      return w
        .u8(0x00)
        .sfloat(94 + (i % 6))
        .sfloat(60 + (i % 40))
        .toBytes();
    case BLE_CHARACTERISTIC.temperatureMeasurement: // Celsius FLOAT, 2 decimals
      return w
        .u8(0x00)
        .float(3650 + (i % 100), -2)
        .toBytes();
    default:
      throw new Error(`no sample for characteristic ${characteristic}`);
  }
}

/** BLE decoders: characteristic values per second, one `push` per value as Web Bluetooth delivers them. */
export function benchBleDecoders(): { profile: string; characteristic: string; valuesPerS: number }[] {
  return BLE_PROFILES.map((profile) => {
    const values = Array.from({ length: VARIANTS }, (_, i) => sampleValue(profile.characteristic, i));
    const rates: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const decoder = profile.createDecoder(`${profile.protocol}@bench`);
      const started = performance.now();
      let events = 0;
      for (let i = 0; i < VALUES; i += 1) events += decoder.push(values[i % VARIANTS], i * 1000).length;
      const seconds = (performance.now() - started) / 1000;
      if (events === 0 || decoder.stats.dropped > 0)
        throw new Error(`${profile.protocol}: sample values rejected`);
      rates.push(VALUES / seconds);
    }
    return { profile: profile.protocol, characteristic: profile.characteristic, valuesPerS: median(rates) };
  });
}

export function printBleDecoders(rows: ReturnType<typeof benchBleDecoders>): void {
  console.log(
    '\nBLE characteristic decoders (1,000,000 values each, median of 5; target ≥ 1,000,000 values/s)',
  );
  for (const row of rows) {
    const short = `0x${row.characteristic.slice(4, 8).toUpperCase()}`;
    console.log(
      `  ${row.profile.padEnd(24)} ${short}  ${fmt(row.valuesPerS / 1e6, 2).padStart(6)} M values/s`,
    );
  }
}
