import fc from 'fast-check';
import { DeviceSession } from '../../../src/core/devices/device-session';
import { ReadingBus } from '../../../src/core/readings/reading-bus';
import { ad8232Ascii } from '../../../src/devices/ad8232-ascii';
import { contecCms50V7 } from '../../../src/devices/contec-cms50-v7';
import type { DeviceDriver } from '../../../src/devices/driver';
import { masimoAscii } from '../../../src/devices/masimo-ascii';
import { noninDf7 } from '../../../src/devices/nonin-df7';
import { openBciCyton } from '../../../src/devices/openbci-cyton';
import { generateStream, type TimedChunk } from '../../../src/devices/testing/generate-stream';
import type { NumericReading, Reading, WaveformReading } from '../../../src/shared/domain/readings';
import { FakeTransport } from '../../helpers/fake-transport';
import { stallsOf, type HostLoad } from '../../devices/framing/loaded-host';
import { deliverUnderLoad, type Delivery, type DeliveryLoad } from './loaded-delivery';

/**
 * Issue 11, "waveform time runs backwards under load", through the real core path: simulator bytes
 * → FakeTransport (arrival times of a loaded host) → DeviceSession (real driver) → ReadingBus, the
 * one way readings leave the host. Per channel, what leaves must never overlap, never repeat, keep
 * every sample, and show a real pause as a gap.
 */

const START_MS = Date.UTC(2026, 10, 25, 16, 49, 8);
/** A bus batch start is rounded to the millisecond: contiguous waveforms may look ±1 ms apart. */
const ROUNDING_MS = 1;

async function runSession(
  driver: DeviceDriver,
  deliveries: readonly Delivery[],
  bus = new ReadingBus(),
  path = '/dev/ttyLOAD0',
): Promise<Reading[]> {
  const transport = new FakeTransport(path);
  const session = new DeviceSession({
    driver,
    transport,
    simulated: true,
    noDataTimeoutMs: () => 3_600_000,
    now: () => START_MS,
  });
  const out: Reading[] = [];
  const unsubscribe = bus.subscribe((batch) => out.push(...batch.readings));
  session.onReadings((readings) => bus.publish(readings));
  await session.start();
  for (const delivery of deliveries) transport.emitData(delivery.bytes, delivery.atMs);
  await session.stop();
  unsubscribe();
  return out;
}

interface ChannelView {
  samples: (number | null)[];
  /** Each sample's time, from its waveform's start and rate. */
  times: number[];
  /** How much earlier than the previous waveform's end each waveform started (beyond rounding). */
  overlapsMs: number[];
  /** How much later than the previous waveform's end each waveform started (beyond rounding). */
  gapsMs: number[];
}

function waveformChannels(readings: readonly Reading[]): Map<string, ChannelView> {
  const channels = new Map<string, ChannelView>();
  const ends = new Map<string, number>();
  for (const reading of readings) {
    if (reading.type !== 'waveform') continue;
    const key = `${reading.device} ${reading.metric}`;
    const view = channels.get(key) ?? { samples: [], times: [], overlapsMs: [], gapsMs: [] };
    channels.set(key, view);
    const start = Date.parse(reading.start);
    const previousEnd = ends.get(key);
    if (previousEnd !== undefined) {
      if (start < previousEnd - ROUNDING_MS) view.overlapsMs.push(previousEnd - start);
      if (start > previousEnd + ROUNDING_MS) view.gapsMs.push(start - previousEnd);
    }
    ends.set(key, start + (reading.samples.length * 1000) / reading.rateHz);
    view.samples.push(...reading.samples);
    reading.samples.forEach((_, i) => view.times.push(start + (i * 1000) / reading.rateHz));
  }
  return channels;
}

function numerics(readings: readonly Reading[]): NumericReading[] {
  return readings.filter((r): r is NumericReading => r.type === 'numeric');
}

/** Numerics sent twice, and numerics whose time is not after the previous one of their metric. */
function numericFaults(readings: readonly Reading[]): { repeated: string[]; backwards: string[] } {
  const seen = new Set<string>();
  const lastTime = new Map<string, number>();
  const repeated: string[] = [];
  const backwards: string[] = [];
  for (const r of numerics(readings)) {
    const identity = `${r.metric} ${r.value} ${r.time}`;
    if (seen.has(identity)) repeated.push(identity);
    seen.add(identity);
    const time = Date.parse(r.time);
    if (time <= (lastTime.get(r.metric) ?? Number.NEGATIVE_INFINITY)) backwards.push(identity);
    lastTime.set(r.metric, time);
  }
  return { repeated, backwards };
}

const unloaded = (chunks: readonly TimedChunk[]): Delivery[] =>
  chunks.map((chunk) => ({ bytes: chunk.bytes, atMs: chunk.atMs }));

const DRIVERS = [contecCms50V7, noninDf7, openBciCyton, masimoAscii] as const;
const SECONDS = 12;
const streams = new Map(
  DRIVERS.map((driver) => [driver, generateStream(driver, SECONDS, { seed: 7, startMs: START_MS }).chunks]),
);
const references = new Map<DeviceDriver, Reading[]>();
async function reference(driver: DeviceDriver): Promise<Reading[]> {
  let readings = references.get(driver);
  if (readings === undefined) {
    readings = await runSession(driver, unloaded(streams.get(driver)!));
    references.set(driver, readings);
  }
  return readings;
}

const arbitraryLoad: fc.Arbitrary<HostLoad & { latencyMs: number; joinSameArrival: boolean }> = fc.record({
  usbIntervalMs: fc.constant(0),
  latencyMs: fc.integer({ min: 0, max: 16 }),
  stalls: fc.array(
    fc.record({ afterMs: fc.integer({ min: 1, max: 2500 }), durationMs: fc.integer({ min: 0, max: 700 }) }),
    { maxLength: 8 },
  ),
  pieces: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }),
  coalesceEvery: fc.constant(0),
  joinSameArrival: fc.boolean(),
});

function deliveryLoad(load: HostLoad & { latencyMs: number; joinSameArrival: boolean }): DeliveryLoad {
  return {
    stalls: stallsOf(load, START_MS),
    latencyMs: load.latencyMs,
    pieces: load.pieces,
    joinSameArrival: load.joinSameArrival,
  };
}

describe('a device session on a loaded host (bursts delayed up to 700 ms, then catching up)', () => {
  it('sends every sample once, each waveform starting where the previous one ended, numerics never repeated', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DRIVERS), arbitraryLoad, async (driver, load) => {
        const expected = await reference(driver);
        const bus = new ReadingBus();
        const readings = await runSession(
          driver,
          deliverUnderLoad(streams.get(driver)!, deliveryLoad(load)),
          bus,
        );
        const channels = waveformChannels(readings);
        const expectedChannels = waveformChannels(expected);
        expect([...channels.keys()]).toEqual([...expectedChannels.keys()]);
        for (const [key, view] of channels) {
          expect({ key, overlaps: view.overlapsMs, gaps: view.gapsMs }).toEqual({
            key,
            overlaps: [],
            gaps: [],
          });
          expect(view.samples).toEqual(expectedChannels.get(key)!.samples);
        }
        expect(numericFaults(readings)).toEqual({ repeated: [], backwards: [] });
        expect(numerics(readings).map((r) => [r.metric, r.value])).toEqual(
          numerics(expected).map((r) => [r.metric, r.value]),
        );
        // The sample clock kept the stream in order by itself: the bus's net had nothing to do.
        expect(bus.correctionsOf(`${driver.protocol}@/dev/ttyLOAD0`)).toEqual({
          duplicates: 0,
          shiftedWaveforms: 0,
          maxShiftMs: 0,
        });
      }),
      { numRuns: 24 },
    );
  });

  it('keeps a real pause of the device as one gap in each waveform channel, whatever the load', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(contecCms50V7, noninDf7, openBciCyton),
        arbitraryLoad,
        fc.integer({ min: 2_000, max: 6_000 }),
        async (driver, load, pauseMs) => {
          const expected = waveformChannels(await reference(driver));
          const pause = { afterMs: START_MS + 5_000, durationMs: pauseMs };
          const readings = await runSession(
            driver,
            deliverUnderLoad(streams.get(driver)!, { ...deliveryLoad(load), pause }),
          );
          for (const [key, view] of waveformChannels(readings)) {
            expect(view.overlapsMs).toEqual([]);
            expect(view.gapsMs).toHaveLength(1);
            // Off by at most the worst delay of a sample (a stall, USB latency, a 20 ms device chunk).
            expect(Math.abs(view.gapsMs[0] - pauseMs)).toBeLessThanOrEqual(700 + 16 + 20 + ROUNDING_MS);
            expect(view.samples).toEqual(expected.get(key)!.samples);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('replays the issue: a fifth of the pleth batches delayed by 680 ms give no overlap and no repeat', async () => {
    // A stall every second catches about one read in five (20 ms reads, 680 ms stalls).
    const stalls = Array.from({ length: SECONDS }, (_, s) => ({
      startMs: START_MS + s * 1000 + 300,
      durationMs: 680,
    }));
    const deliveries = deliverUnderLoad(streams.get(contecCms50V7)!, {
      stalls,
      latencyMs: 2,
      pieces: [7, 64, 3],
      joinSameArrival: false,
    });
    const late = deliveries.filter((d) => d.atMs > START_MS && (d.atMs - START_MS) % 1000 === 980).length;
    expect(late).toBeGreaterThan(0);
    const readings = await runSession(contecCms50V7, deliveries);
    for (const view of waveformChannels(readings).values()) {
      expect(view.overlapsMs).toEqual([]);
      expect(view.gapsMs).toEqual([]);
    }
    expect(numericFaults(readings)).toEqual({ repeated: [], backwards: [] });
  });

  it('never sends a 1 Hz line twice when two lines are read in the same millisecond (the duplicate)', async () => {
    // A busy host reads two Masimo lines at once, as two chunks: on a clock that pulled back, the
    // second line got the first one's time, and its unchanged SpO2 went out twice.
    const chunks = streams.get(masimoAscii)!;
    const deliveries = chunks.map((chunk, i) => ({
      bytes: chunk.bytes,
      atMs: chunk.atMs - (i % 2 === 1 ? 1000 : 0),
    }));
    const readings = await runSession(masimoAscii, deliveries);
    const faults = numericFaults(readings);
    expect(faults).toEqual({ repeated: [], backwards: [] });
    expect(numerics(readings).length).toBeGreaterThan(10);
  });

  it('keeps one timeline across a reconnect whose new session starts before the old one ended', async () => {
    // The host was busy for the first 1.2 s of the first session: the reads queued meanwhile are all
    // stamped with the end of the stall, so that session's timeline runs up to 1.2 s ahead of the
    // device. Replugged at once, the new session anchors on its own first read, inside that lead.
    const bus = new ReadingBus();
    const chunks = streams.get(contecCms50V7)!;
    const half = Math.floor(chunks.length / 2);
    const stall = { startMs: START_MS, durationMs: 1200 };
    const first = deliverUnderLoad(chunks.slice(0, half), {
      stalls: [stall],
      latencyMs: 0,
      pieces: [4096],
      joinSameArrival: false,
    });
    const readings = [
      ...(await runSession(contecCms50V7, first, bus)),
      ...(await runSession(contecCms50V7, unloaded(chunks.slice(half)), bus)),
    ];
    const [view] = waveformChannels(readings).values();
    expect(view.overlapsMs).toEqual([]);
    expect(numericFaults(readings).repeated).toEqual([]);
    const corrections = bus.correctionsOf('contec-cms50-v7@/dev/ttyLOAD0');
    expect(corrections.shiftedWaveforms).toBeGreaterThan(0);
    expect(corrections.maxShiftMs).toBeGreaterThan(0);
    expect(corrections.maxShiftMs).toBeLessThanOrEqual(stall.durationMs + ROUNDING_MS);
    // Moved, not lost: every sample of both sessions is there, once.
    const alone = [
      ...(await runSession(contecCms50V7, unloaded(chunks.slice(0, half)))),
      ...(await runSession(contecCms50V7, unloaded(chunks.slice(half)))),
    ];
    expect(view.samples).toEqual([...waveformChannels(alone).values()][0].samples);
  });
});

describe('a device session whose decoder restarts its clock', () => {
  it('lets nothing overlapping out and keeps every sample (ad8232 measuring its rate under load)', async () => {
    // ad8232 measures its rate from arrivals and starts a new clock when the rate moves; a new
    // clock anchors on its own and may start inside the last run. The bus shifts such runs.
    const chunks = generateStream(ad8232Ascii, SECONDS, { seed: 7, startMs: START_MS }).chunks;
    const load = deliveryLoad({
      usbIntervalMs: 0,
      latencyMs: 3,
      stalls: [
        { afterMs: 1500, durationMs: 600 },
        { afterMs: 2000, durationMs: 450 },
      ],
      pieces: [5, 40],
      coalesceEvery: 0,
      joinSameArrival: false,
    });
    const deliveries = deliverUnderLoad(chunks, load);
    const readings = await runSession(ad8232Ascii, deliveries);
    const [view] = waveformChannels(readings).values();
    expect(view.overlapsMs).toEqual([]);
    // What the decoder itself sent, sample for sample.
    const decoder = ad8232Ascii.createDecoder('direct');
    const decoded = deliveries.flatMap((d) => decoder.push(d.bytes, d.atMs));
    const direct = decoded.flatMap((e) =>
      e.kind === 'reading' && e.reading.type === 'waveform' ? e.reading.samples : [],
    );
    expect(view.samples).toEqual(direct);
    expect(numericFaults(readings)).toEqual({ repeated: [], backwards: [] });
  });
});

describe('a device session losing a frame inside one chunk', () => {
  it('keeps the lost frame as a gap of one period, not joined over', async () => {
    const chunks = streams.get(noninDf7)!;
    // Read in 1 KB pieces, each stamped when its last byte was sent: runs join across pieces.
    const bytes = Uint8Array.from(chunks.flatMap((chunk) => [...chunk.bytes]));
    const sentAt: number[] = chunks.flatMap((chunk) => Array.from(chunk.bytes, () => chunk.atMs));
    const reads = (stream: Uint8Array): Delivery[] => {
      const out: Delivery[] = [];
      for (let from = 0; from < stream.length; from += 1024) {
        const end = Math.min(stream.length, from + 1024);
        out.push({ bytes: stream.subarray(from, end), atMs: sentAt[end - 1] });
      }
      return out;
    };
    const corrupted = bytes.slice();
    // A byte in the middle of the second read: its frame fails the checksum and is dropped.
    expect(bytes.length).toBeGreaterThan(2048);
    corrupted[1024 + 512] ^= 0x01;
    const [clean] = waveformChannels(await runSession(noninDf7, reads(bytes))).values();
    const [lossy] = waveformChannels(await runSession(noninDf7, reads(corrupted))).values();
    expect(clean.gapsMs).toEqual([]);
    expect(lossy.overlapsMs).toEqual([]);
    expect(lossy.gapsMs).toHaveLength(1);
    expect(Math.abs(lossy.gapsMs[0] - 1000 / 75)).toBeLessThanOrEqual(ROUNDING_MS);
    expect(lossy.samples).toHaveLength(clean.samples.length - 1);
    // The clean stream with one sample taken out, every other sample with its value at its time:
    // the gap sits where the frame was lost.
    const same = (i: number, j: number): boolean =>
      lossy.samples[i] === clean.samples[j] && Math.abs(lossy.times[i] - clean.times[j]) <= ROUNDING_MS;
    let removed = 0;
    while (removed < lossy.samples.length && same(removed, removed)) removed++;
    const misplaced = lossy.samples.map((_, i) => i).filter((i) => i >= removed && !same(i, i + 1));
    expect(misplaced).toEqual([]);
  });
});

describe('the reading bus after the sessions', () => {
  it('drops a reading handed to it twice, and counts it', () => {
    const bus = new ReadingBus();
    const wave: WaveformReading = {
      type: 'waveform',
      device: 'd',
      metric: 'MDC_PULS_OXIM_PLETH',
      unit: '1',
      rateHz: 60,
      start: '2026-11-25T16:49:08.000Z',
      samples: [1, 2, 3],
    };
    const spo2: NumericReading = {
      type: 'numeric',
      device: 'd',
      metric: 'MDC_PULS_OXIM_SAT_O2',
      value: 97,
      unit: '%',
      time: '2026-11-25T16:49:08.000Z',
    };
    expect(bus.publish([wave, spo2])?.readings).toEqual([wave, spo2]);
    expect(bus.publish([wave, spo2])).toBeNull();
    expect(bus.correctionsOf('d').duplicates).toBe(2);
  });
});
