import { performance } from 'node:perf_hooks';
import type { DeviceDriver } from '../src/devices/driver';
import { DRIVERS } from '../src/devices/registry';
import { generateStream } from '../src/devices/testing/generate-stream';
import { fmt, median } from './stats';

const TARGET_BYTES = 20 * 1024 * 1024;
const CHUNK_BYTES = 4096;
const RUNS = 5;
const HOUR_S = 3600;

/**
 * Decoder throughput: ≥ 20 MB of a driver's own simulator output (an hour of device time, tiled),
 * pushed in 4 KiB chunks with advancing arrival times, as a serial port would deliver it.
 */
export function benchDecoderThroughput(): { protocol: string; mbPerS: number; frames: number }[] {
  return DRIVERS.map((driver) => {
    const { stream, bytesPerS } = tiledStream(driver);
    // Arrival times advance as the device would deliver the bytes, so decoders that time frames
    // from arrival see a realistic clock.
    const chunkMs = (CHUNK_BYTES / bytesPerS) * 1000;
    const rates: number[] = [];
    let frames = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const decoder = driver.createDecoder(`${driver.protocol}@bench`);
      const started = performance.now();
      let events = 0;
      for (let offset = 0, atMs = 0; offset < stream.length; offset += CHUNK_BYTES, atMs += chunkMs) {
        events += decoder.push(stream.subarray(offset, offset + CHUNK_BYTES), atMs).length;
      }
      const seconds = (performance.now() - started) / 1000;
      if (events === 0) throw new Error(`${driver.protocol}: decoder produced nothing`);
      rates.push(stream.length / 1e6 / seconds);
      frames = decoder.stats.frames;
    }
    return { protocol: driver.protocol, mbPerS: median(rates), frames };
  });
}

function tiledStream(driver: DeviceDriver): { stream: Uint8Array; bytesPerS: number } {
  const hour = generateStream(driver, HOUR_S, { seed: 7, autoStart: true }).bytes;
  const copies = Math.ceil(TARGET_BYTES / hour.length);
  const stream = new Uint8Array(hour.length * copies);
  for (let i = 0; i < copies; i += 1) stream.set(hour, i * hour.length);
  return { stream, bytesPerS: hour.length / HOUR_S };
}

export function printDecoderThroughput(rows: ReturnType<typeof benchDecoderThroughput>): void {
  console.log(
    '\nDecoder throughput (≥ 20 MB of simulator output in 4 KiB chunks arriving at the device data rate, median of 5; target ≥ 50 MB/s)',
  );
  for (const row of rows) {
    console.log(
      `  ${row.protocol.padEnd(24)} ${fmt(row.mbPerS, 1).padStart(8)} MB/s   (${row.frames} frames)`,
    );
  }
}
