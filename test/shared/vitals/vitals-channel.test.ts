import fc from 'fast-check';
import type { Reading, ReadingBatch } from '../../../src/shared/domain/readings';
import { VitalsReceiver, type VitalsReceiverOptions } from '../../../src/shared/vitals/vitals-receiver';
import { VitalsSender, type VitalsSenderOptions } from '../../../src/shared/vitals/vitals-sender';
import { CLEAN, LossyLink, faultsArb, type LinkFaults } from './lossy-link';
import { EPOCH_MS } from './support';

const DEVICE = 'contec-cms50-v7@/dev/ttyUSB0';
const STEP_MS = 20;

/** Bus batch i: a pleth run, and every 50th a SpO2 value and a status change. */
function busBatch(i: number): Reading[] {
  const timeMs = EPOCH_MS + i * STEP_MS;
  const start = new Date(timeMs).toISOString();
  const readings: Reading[] = [
    {
      type: 'waveform',
      device: DEVICE,
      metric: 'MDC_PULS_OXIM_PLETH',
      unit: '1',
      rateHz: 60,
      start,
      samples: [i % 100, (i * 7) % 100],
    },
  ];
  if (i % 50 === 0) {
    readings.push({
      type: 'numeric',
      device: DEVICE,
      metric: 'MDC_PULS_OXIM_SAT_O2',
      value: i % 7 === 0 ? null : 90 + (i % 10),
      unit: '%',
      time: start,
    });
    readings.push({
      type: 'status',
      device: `${DEVICE}#${i % 3}`,
      flags: i % 100 === 0 ? ['probe-off'] : [],
      time: start,
    });
  }
  return readings;
}

/** A station and a consultant joined by two lossy links, on one test clock. */
class Rig {
  nowMs = EPOCH_MS;
  readonly delivered: ReadingBatch[] = [];
  readonly sender: VitalsSender;
  readonly receiver: VitalsReceiver;
  readonly forward: LossyLink;
  readonly back: LossyLink;
  acks = 0;

  constructor(
    seed: number,
    sender: Partial<VitalsSenderOptions> = {},
    receiver: Partial<VitalsReceiverOptions> = {},
  ) {
    this.forward = new LossyLink(seed, 15, (bytes, now) => void this.receiver.receive(bytes, now));
    this.back = new LossyLink(seed ^ 0x5bd1e995, 15, (bytes, now) => void this.sender.receive(bytes, now));
    this.sender = new VitalsSender({
      sessionId: 'station-1',
      epochMs: EPOCH_MS,
      send: (b) => this.forward.send(b, this.nowMs),
      ...sender,
    });
    this.receiver = new VitalsReceiver({
      send: (b) => (this.acks++, this.back.send(b, this.nowMs)),
      onBatch: (b) => this.delivered.push(b),
      pingIntervalMs: 0,
      ...receiver,
    });
  }

  step(readings: readonly Reading[] = []): void {
    this.nowMs += STEP_MS;
    if (readings.length > 0) this.sender.push(readings, this.nowMs);
    this.sender.tick(this.nowMs);
    this.receiver.tick(this.nowMs);
    this.forward.run(this.nowMs);
    this.back.run(this.nowMs);
  }

  setFaults(faults: LinkFaults): void {
    this.forward.faults = faults;
    this.back.faults = faults;
  }

  /** The data channel closes (in-flight messages lost) and a new one opens. */
  reconnect(): void {
    this.sender.disconnect();
    this.forward.cut();
    this.back.cut();
    this.sender.resume(this.nowMs);
  }

  /** Sends what is pending, then runs the clock until nothing is in flight or unacknowledged. */
  settle(): void {
    this.sender.flush(this.nowMs);
    for (
      let i = 0;
      i < 200 && (!this.forward.idle || !this.back.idle || this.sender.stats.unackedBatches > 0);
      i++
    )
      this.step();
  }

  readings(): Reading[] {
    return this.delivered.flatMap((b) => b.readings);
  }
}

describe('vitals sender and receiver over a faulty link', () => {
  it('a clean link delivers every batch once, in order, with throttled acks', () => {
    const rig = new Rig(1);
    rig.sender.resume(rig.nowMs);
    const input = Array.from({ length: 500 }, (_, i) => busBatch(i));
    for (const readings of input) rig.step(readings);
    rig.sender.flush(rig.nowMs);
    rig.settle();
    expect(rig.readings()).toEqual(input.flat());
    expect(rig.delivered.map((b) => b.seq)).toEqual(rig.delivered.map((_, i) => i));
    expect(rig.sender.stats).toMatchObject({ unackedBatches: 0, droppedBatches: 0 });
    expect(rig.acks).toBeLessThan(rig.delivered.length / 2);
    expect(rig.receiver.lastSeq).toBe(rig.delivered.length - 1);
  });

  it('loss, duplication, reordering and cuts, then resume(): exactly once, in order, no gap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(fc.record({ steps: fc.integer({ min: 1, max: 60 }), faults: faultsArb }), {
          minLength: 1,
          maxLength: 6,
        }),
        (seed, phases) => {
          const rig = new Rig(seed);
          rig.sender.resume(rig.nowMs);
          const input: Reading[][] = [];
          for (const phase of phases) {
            rig.setFaults(phase.faults);
            for (let i = 0; i < phase.steps; i++) {
              input.push(busBatch(input.length));
              rig.step(input[input.length - 1]);
            }
            rig.reconnect();
          }
          rig.setFaults(CLEAN);
          rig.reconnect();
          rig.settle();
          expect(rig.readings()).toEqual(input.flat());
          expect(rig.delivered.map((b) => b.seq)).toEqual(rig.delivered.map((_, i) => i));
          expect(rig.receiver.stats).toMatchObject({ missing: 0, gaps: 0 });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a replay in steps (replayPerStep) after cuts, under faults: still exactly once, in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.record({ steps: fc.integer({ min: 1, max: 60 }), faults: faultsArb }), {
          minLength: 1,
          maxLength: 4,
        }),
        (seed, replayPerStep, phases) => {
          const rig = new Rig(seed, { replayPerStep });
          rig.sender.resume(rig.nowMs);
          const input: Reading[][] = [];
          for (const phase of phases) {
            rig.setFaults(phase.faults);
            for (let i = 0; i < phase.steps; i++) {
              input.push(busBatch(input.length));
              rig.step(input[input.length - 1]);
            }
            rig.reconnect();
          }
          rig.setFaults(CLEAN);
          rig.reconnect();
          rig.settle();
          expect(rig.readings()).toEqual(input.flat());
          expect(rig.delivered.map((b) => b.seq)).toEqual(rig.delivered.map((_, i) => i));
          expect(rig.receiver.stats).toMatchObject({ missing: 0, gaps: 0 });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a long cut’s replay goes replayPerStep batches at a time, new batches in between, none lost', () => {
    let sent = 0;
    const rig: Rig = new Rig(5, {
      batchWindowMs: 0,
      replayPerStep: 10,
      send: (bytes) => {
        sent++;
        rig.forward.send(bytes, rig.nowMs);
      },
    });
    const sender = rig.sender;
    sender.resume(rig.nowMs);
    rig.settle();
    sender.disconnect();
    rig.forward.cut();
    const input = Array.from({ length: 45 }, (_, i) => busBatch(i));
    for (const readings of input.slice(0, 40)) rig.step(readings);
    expect(sender.stats.unackedBatches).toBe(40);
    // The first step goes at resume, after the hello and the dictionary; then one step per tick.
    sent = 0;
    sender.resume(rig.nowMs);
    const opening = sent;
    expect(opening).toBeLessThanOrEqual(10 + 1 + 8);
    expect(sender.replaying).toBe(true);
    for (let tick = 1; tick <= 3; tick++) {
      sent = 0;
      sender.tick(rig.nowMs);
      expect(sent).toBe(10);
    }
    expect(sender.replaying).toBe(false);
    // Batches made while replaying go as usual, after the gap the replay fills.
    for (const readings of input.slice(40)) rig.step(readings);
    rig.settle();
    expect(rig.readings()).toEqual(input.flat());
    expect(rig.delivered.map((b) => b.seq)).toEqual(rig.delivered.map((_, i) => i));
  });

  it('bounds the replay buffer while cut off: the oldest batches go, counted on both ends', () => {
    const rig = new Rig(2, { maxUnackedBytes: 2000 });
    rig.sender.resume(rig.nowMs);
    const input = Array.from({ length: 400 }, (_, i) => busBatch(i));
    for (const readings of input.slice(0, 100)) rig.step(readings);
    rig.settle();
    rig.sender.disconnect();
    rig.forward.cut();
    for (const readings of input.slice(100)) rig.step(readings);
    const { droppedBatches, droppedReadings, unackedBytes } = rig.sender.stats;
    expect(droppedBatches).toBeGreaterThan(0);
    expect(unackedBytes).toBeLessThanOrEqual(2000);
    rig.sender.resume(rig.nowMs);
    rig.sender.flush(rig.nowMs);
    rig.settle();
    expect(rig.receiver.stats.missing).toBe(droppedBatches);
    expect(rig.receiver.stats.gaps).toBe(1);
    const delivered = rig.readings();
    expect(delivered.length + droppedReadings).toBe(input.flat().length);
    expect(delivered.slice(-50)).toEqual(input.flat().slice(-50));
  });

  it('bounds what the receiver holds out of order; the rest comes with the replay', () => {
    const rig = new Rig(3, { batchWindowMs: 0 }, { maxPendingBatches: 5 });
    rig.sender.resume(rig.nowMs);
    rig.step();
    rig.setFaults({ loss: 0, duplicate: 0, jitterMs: 2000 });
    const input = Array.from({ length: 100 }, (_, i) => busBatch(i));
    for (const readings of input) rig.step(readings);
    expect(rig.receiver.stats.overflow).toBeGreaterThan(0);
    rig.setFaults(CLEAN);
    rig.reconnect();
    rig.settle();
    expect(rig.readings()).toEqual(input.flat());
  });

  it('a restarted station (new session) starts a new stream; refuses garbage without throwing', () => {
    const rig = new Rig(4, { batchWindowMs: 0 });
    rig.sender.resume(rig.nowMs);
    rig.step(busBatch(0));
    rig.settle();
    expect(rig.receiver.receive(Uint8Array.of(1, 2, 3), rig.nowMs).ok).toBe(false);
    expect(rig.sender.receive(Uint8Array.of(0x14, 0x7f), rig.nowMs).ok).toBe(false);
    const restarted = new VitalsSender({
      sessionId: 'station-2',
      epochMs: EPOCH_MS + 60_000,
      send: (b) => rig.forward.send(b, rig.nowMs),
      batchWindowMs: 0,
    });
    restarted.resume(rig.nowMs);
    restarted.push(busBatch(1), rig.nowMs);
    rig.settle();
    expect(rig.delivered.map((b) => b.seq)).toEqual([0, 0]);
    expect(rig.readings()).toEqual([...busBatch(0), ...busBatch(1)]);
    expect(rig.receiver.stats).toMatchObject({ sessions: 2, rejected: 1, missing: 0 });
  });
});
