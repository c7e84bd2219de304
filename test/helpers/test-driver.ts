import {
  EMPTY_OUTPUT,
  type DecodeEvent,
  type Decoder,
  type DeviceDriver,
  type DeviceSimulator,
  type SimulatedValues,
} from '../../src/devices/driver';
import { isoTimeOf, type Reading } from '../../src/shared/domain/readings';

/**
 * A tiny made-up oximeter protocol for core tests, independent of the real drivers:
 * frame = A5 spo2 pulse pleth checksum (sum of bytes 1..3 mod 256); spo2 0x7F and pulse 0xFF mean
 * invalid. Host sends 01 to start, 02 to stop, 03 as keep-alive. 50 frames/s.
 */
export const TEST_FRAME_HEADER = 0xa5;
export const TEST_START = Uint8Array.of(0x01);
export const TEST_STOP = Uint8Array.of(0x02);
export const TEST_KEEP_ALIVE = Uint8Array.of(0x03);
export const TEST_RATE_HZ = 50;

export function testFrame(spo2: number, pulse: number, pleth: number): Uint8Array {
  return Uint8Array.of(TEST_FRAME_HEADER, spo2, pulse, pleth, (spo2 + pulse + pleth) & 0xff);
}

export function createTestDecoder(deviceId: string): Decoder {
  let pending: number[] = [];
  const stats = { frames: 0, dropped: 0, skippedBytes: 0 };
  return {
    get stats() {
      return { ...stats };
    },
    reset() {
      pending = [];
    },
    push(chunk, atMs) {
      const events: DecodeEvent[] = [];
      pending.push(...chunk);
      while (pending.length > 0) {
        if (pending[0] !== TEST_FRAME_HEADER) {
          pending.shift();
          stats.skippedBytes++;
          continue;
        }
        if (pending.length < 5) break;
        const [, spo2, pulse, pleth, sum] = pending.splice(0, 5) as [number, number, number, number, number];
        if (((spo2 + pulse + pleth) & 0xff) !== sum) {
          stats.dropped++;
          events.push({ kind: 'frame-error', code: 'checksum', detail: 'bad checksum' });
          continue;
        }
        stats.frames++;
        for (const reading of frameReadings(deviceId, spo2, pulse, pleth, atMs))
          events.push({ kind: 'reading', reading });
      }
      return events;
    },
  };
}

function frameReadings(device: string, spo2: number, pulse: number, pleth: number, atMs: number): Reading[] {
  const time = isoTimeOf(atMs);
  return [
    {
      type: 'waveform',
      device,
      metric: 'MDC_PULS_OXIM_PLETH',
      unit: '1',
      rateHz: TEST_RATE_HZ,
      start: time,
      samples: [pleth],
    },
    {
      type: 'numeric',
      device,
      metric: 'MDC_PULS_OXIM_SAT_O2',
      value: spo2 === 0x7f ? null : spo2,
      unit: '%',
      time,
    },
    {
      type: 'numeric',
      device,
      metric: 'MDC_PULS_OXIM_PULS_RATE',
      value: pulse === 0xff ? null : pulse,
      unit: '/min',
      time,
    },
  ];
}

function createTestSimulator(seed = 1, autoStart = false): DeviceSimulator {
  let streaming = autoStart;
  let nextDueMs: number | null = null;
  let n = seed;
  const periodMs = 1000 / TEST_RATE_HZ;
  return {
    tickIntervalMs: 20,
    receive(chunk, atMs) {
      if (chunk.includes(0x01)) {
        streaming = true;
        nextDueMs = atMs;
      }
      if (chunk.includes(0x02)) streaming = false;
      return EMPTY_OUTPUT;
    },
    tick(atMs) {
      if (!streaming) return EMPTY_OUTPUT;
      nextDueMs ??= atMs;
      const bytes: number[] = [];
      const frames: SimulatedValues[] = [];
      while (nextDueMs <= atMs) {
        n = (n * 1103515245 + 12345) % 2147483648;
        const spo2 = n % 10 === 0 ? 0x7f : 94 + (n % 5);
        const pulse = 60 + (n % 30);
        const pleth = n % 128;
        bytes.push(...testFrame(spo2, pulse, pleth));
        frames.push({
          MDC_PULS_OXIM_SAT_O2: spo2 === 0x7f ? null : spo2,
          MDC_PULS_OXIM_PULS_RATE: pulse,
          MDC_PULS_OXIM_PLETH: pleth,
        });
        nextDueMs += periodMs;
      }
      return { bytes: Uint8Array.from(bytes), frames };
    },
  };
}

export const testDriver: DeviceDriver = {
  protocol: 'nonin-df8',
  name: 'Test oximeter',
  link: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
  host: {
    onOpen: [TEST_START],
    keepAlive: { intervalMs: 5000, bytes: TEST_KEEP_ALIVE },
    onClose: [TEST_STOP],
  },
  createDecoder: createTestDecoder,
  createSimulator: (options) => createTestSimulator(options?.seed, options?.autoStart),
};
