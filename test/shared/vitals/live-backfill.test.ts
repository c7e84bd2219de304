import fc from 'fast-check';
import type { Reading, ReadingBatch } from '../../../src/shared/domain/readings';
import { VITALS_BATCHING } from '../../../src/shared/vitals/batching';
import { VitalsReceiver } from '../../../src/shared/vitals/vitals-receiver';
import { VitalsSender } from '../../../src/shared/vitals/vitals-sender';
import { CLEAN, LossyLink, faultsArb, type LinkFaults } from './lossy-link';
import { EPOCH_MS } from './support';

/**
 * The latest-value channel (unordered, no retransmission) beside the reliable, ordered one: the
 * doctor's screen gets each batch at its first arrival on either channel, the record gets every
 * batch exactly once and in order, whatever the live channel loses, doubles or reorders and
 * however late the reliable channel is (a congested link queues it for tens of seconds).
 */
const STEP_MS = 20;
const DEVICE = 'contec-cms50-v7@/dev/ttyUSB0';

function busBatch(i: number, device = DEVICE): Reading[] {
  const start = new Date(EPOCH_MS + i * STEP_MS).toISOString();
  const readings: Reading[] = [
    {
      type: 'waveform',
      device,
      metric: 'MDC_PULS_OXIM_PLETH',
      unit: '1',
      rateHz: 60,
      start,
      samples: [i % 100],
    },
  ];
  if (i % 10 === 0)
    readings.push({
      type: 'numeric',
      device,
      metric: 'MDC_PULS_OXIM_SAT_O2',
      value: 90 + (i % 9),
      unit: '%',
      time: start,
    });
  return readings;
}

interface Arrival {
  readonly seq: number;
  readonly late: boolean;
  readonly atMs: number;
}

/** Station and doctor joined by a lossy live link, a lossless ordered (but slow) reliable link, and the way back. */
class LiveRig {
  nowMs = EPOCH_MS;
  readonly record: ReadingBatch[] = [];
  readonly arrivals: Arrival[] = [];
  readonly sentAt = new Map<number, number>();
  sender: VitalsSender;
  readonly receiver: VitalsReceiver;
  readonly live: LossyLink;
  readonly reliable: LossyLink;
  /** The way back: acks and pings, on the latest-value channel when it is open, else reliably. */
  readonly back: LossyLink;
  readonly backReliable: LossyLink;
  liveOpen = true;

  constructor(
    seed: number,
    reliableDelayMs: number,
    sessionId = 'station-1',
    /** One way on the latest-value channel: 30 ms, or a congested link's full queue. */
    liveDelayMs = 30,
    private readonly liveResendAfterMs: number = VITALS_BATCHING.liveResendAfterMs,
  ) {
    this.live = new LossyLink(seed, liveDelayMs, (bytes, now) => this.receiver.receiveLive(bytes, now));
    this.reliable = new LossyLink(seed ^ 0x1234567, reliableDelayMs, (bytes, now) => {
      const result = this.receiver.receive(bytes, now);
      if (!result.ok) throw new Error(result.error.message);
    });
    this.back = new LossyLink(
      seed ^ 0x5bd1e995,
      liveDelayMs,
      (bytes, now) => void this.sender.receiveLive(bytes, now),
    );
    this.backReliable = new LossyLink(seed ^ 0x7654321, reliableDelayMs, (bytes, now) => {
      const result = this.sender.receive(bytes, now);
      if (!result.ok) throw new Error(result.error.message);
    });
    this.sender = this.newSender(sessionId);
    this.receiver = new VitalsReceiver({
      send: (bytes) => this.backReliable.send(bytes, this.nowMs),
      sendLive: (bytes) => this.liveOpen && (this.back.send(bytes, this.nowMs), true),
      onBatch: (batch) => this.record.push(batch),
      onArrival: (batch, late) => this.arrivals.push({ seq: batch.seq, late, atMs: this.nowMs }),
      pingIntervalMs: 0,
      maxPendingBatches: 4096,
    });
  }

  newSender(sessionId: string): VitalsSender {
    return new VitalsSender({
      sessionId,
      epochMs: EPOCH_MS,
      send: (bytes) => this.reliable.send(bytes, this.nowMs),
      sendLive: (bytes) => this.liveOpen && (this.live.send(bytes, this.nowMs), true),
      batchWindowMs: VITALS_BATCHING.batchWindowMs,
      backfillAfterMs: VITALS_BATCHING.backfillAfterMs,
      liveResendAfterMs: this.liveResendAfterMs,
    });
  }

  step(readings: readonly Reading[] = []): void {
    this.nowMs += STEP_MS;
    const before = this.sender.stats.batches;
    if (readings.length > 0) this.sender.push(readings, this.nowMs);
    this.sender.tick(this.nowMs);
    for (let seq = before; seq < this.sender.stats.batches; seq++) this.sentAt.set(seq, this.nowMs);
    this.receiver.tick(this.nowMs);
    this.live.run(this.nowMs);
    this.reliable.run(this.nowMs);
    this.back.run(this.nowMs);
    this.backReliable.run(this.nowMs);
  }

  settle(maxSteps = 20_000): void {
    this.sender.flush(this.nowMs);
    for (let i = 0; i < maxSteps && this.busy(); i++) this.step();
  }

  private busy(): boolean {
    const links = [this.live, this.reliable, this.back, this.backReliable];
    return links.some((link) => !link.idle) || this.sender.stats.unackedBatches > 0;
  }
}

/** Streams `count` bus batches from the start, lets the links settle, and checks the record and the screen. */
function streamThrough(rig: LiveRig, count: number): void {
  rig.sender.resume(rig.nowMs);
  const input = Array.from({ length: count }, (_, i) => busBatch(i));
  for (const readings of input) rig.step(readings);
  rig.settle();
  expectExactlyOnceInOrder(rig, input);
}

/** Issue 14's 150 kbit/s cap on a link that was clean: ~400 ms of queue each way, one live message in ten dropped. */
function congest(rig: LiveRig): void {
  for (const link of [rig.live, rig.back]) {
    link.latencyMs = 400;
    link.faults = { loss: 0.1, duplicate: 0, jitterMs: 20 };
  }
}

function expectExactlyOnceInOrder(rig: LiveRig, input: readonly Reading[][]): void {
  expect(rig.record.map((b) => b.seq)).toEqual(rig.record.map((_, i) => i));
  expect(rig.record.flatMap((b) => b.readings)).toEqual(input.flat());
  const shown = rig.arrivals.map((a) => a.seq).sort((a, b) => a - b);
  expect(shown).toEqual(rig.record.map((b) => b.seq)); // each batch reached the screen once
  expect(rig.receiver.stats).toMatchObject({ missing: 0, gaps: 0, rejected: 0 });
}

describe('latest-value channel with reliable backfill', () => {
  it('a clean link: everything comes live, nothing is backfilled, the record is complete', () => {
    const rig = new LiveRig(1, 30);
    streamThrough(rig, 1000);
    expect(rig.sender.stats).toMatchObject({ backfilled: 0, liveResent: 0 });
    expect(rig.receiver.stats.liveFirst).toBe(rig.record.length);
    expect(rig.arrivals.every((a) => !a.late)).toBe(true);
    // Only the hello and the dictionary went reliably.
    expect(rig.sender.stats.sentBytes - rig.sender.stats.liveBytes).toBeLessThan(200);
  });

  it('the reliable channel 60 s behind a congested link: the screen stays within the live delay', () => {
    const rig = new LiveRig(2, 60_000);
    rig.sender.resume(rig.nowMs);
    // The hello and dictionary get through before the congestion (the call was up before the cap).
    for (let i = 0; i < 200; i++) rig.step();
    const input = Array.from({ length: 3000 }, (_, i) => busBatch(i)); // 60 s
    for (const readings of input) rig.step(readings);
    const shownLate = rig.arrivals.filter((a) => a.atMs - (rig.sentAt.get(a.seq) ?? 0) > 200);
    expect(shownLate).toEqual([]);
    rig.settle(10_000);
    expectExactlyOnceInOrder(rig, input);
  });

  it('a congested link drops live copies: a second live copy puts them on screen within a second', () => {
    // Issue 14's 150 kbit/s link: the queue holds ~400 ms each way and drops what overflows it;
    // the reliable channel crawls behind its retransmissions.
    const lateOnScreen = (liveResendAfterMs: number): number => {
      const rig = new LiveRig(5, 3000, 'station-1', 30, liveResendAfterMs);
      rig.sender.resume(rig.nowMs);
      const input = Array.from({ length: 1700 }, (_, i) => busBatch(i));
      // The call was up before the cap: the hello and the dictionary got through.
      for (const readings of input.slice(0, 200)) rig.step(readings);
      const capped = rig.sender.stats.batches;
      congest(rig);
      for (const readings of input.slice(200)) rig.step(readings); // 30 s
      rig.settle();
      expectExactlyOnceInOrder(rig, input);
      return rig.arrivals.filter(
        (a) => a.seq >= capped && a.atMs - (rig.sentAt.get(a.seq) ?? rig.nowMs) > 1000,
      ).length;
    };
    const withoutResend = lateOnScreen(Number.POSITIVE_INFINITY);
    const withResend = lateOnScreen(VITALS_BATCHING.liveResendAfterMs);
    // 300 batches, one live copy in ten lost: ~30 waited for the backfill; with a second copy,
    // only those whose two copies were both lost (~1 %).
    expect(withoutResend).toBeGreaterThan(15);
    expect(withResend).toBeLessThanOrEqual(Math.ceil(0.01 * 300));
  });

  it('acks slower than the resend time: the second copy goes a batch window after the first', () => {
    // The same 150 kbit/s link: each ack comes back ~0.8 s after its batch, so every batch is
    // resent anyway; sent 0.1 s after the first copy, not 0.4 s, the second reaches the screen
    // ~0.5 s after its readings when the first was dropped.
    const rig = new LiveRig(6, 3000);
    rig.sender.resume(rig.nowMs);
    const input = Array.from({ length: 1700 }, (_, i) => busBatch(i));
    for (const readings of input.slice(0, 200)) rig.step(readings);
    const capped = rig.sender.stats.batches;
    congest(rig);
    for (const readings of input.slice(200)) rig.step(readings);
    rig.settle();
    expectExactlyOnceInOrder(rig, input);
    const delays = rig.arrivals
      .filter((a) => a.seq >= capped)
      .map((a) => a.atMs - (rig.sentAt.get(a.seq) ?? rig.nowMs));
    // Over 0.7 s: batches whose two copies were both dropped (~1 %), and those sent in the second
    // before the acks showed the full queues (a copy 0.4 s after the first, as on any link).
    expect(delays.filter((ms) => ms > 700).length).toBeLessThanOrEqual(Math.ceil(0.02 * delays.length));
    // Never more than the two copies the slow acks would have cost anyway.
    expect(rig.sender.stats.liveResent).toBeLessThanOrEqual(rig.sender.stats.batches);
  });

  it('a clean 4G link (100 ms each way): acks come in time and nothing is sent twice', () => {
    const rig = new LiveRig(7, 100, 'station-1', 100);
    streamThrough(rig, 1000);
    // The receiver lets an ack wait up to 250 ms: with a flat 400 ms before a resend, 61 of these
    // 200 batches went twice. The resend waits for the fastest ack's round trip plus that wait.
    expect(rig.sender.stats).toMatchObject({ backfilled: 0, liveResent: 0 });
  });

  it('loss, duplication and reordering on the live channel: exactly once in the record, once on screen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        faultsArb,
        faultsArb,
        fc.integer({ min: 10, max: 5000 }),
        (seed, liveFaults: LinkFaults, backFaults: LinkFaults, reliableDelayMs) => {
          const rig = new LiveRig(seed, reliableDelayMs);
          rig.live.faults = liveFaults;
          rig.back.faults = backFaults;
          rig.sender.resume(rig.nowMs);
          const input = Array.from({ length: 300 }, (_, i) => busBatch(i));
          for (const readings of input) rig.step(readings);
          rig.live.faults = CLEAN;
          rig.back.faults = CLEAN;
          rig.settle();
          expectExactlyOnceInOrder(rig, input);
          // A batch whose live copy was lost comes with the backfill; `late` says the screen moved on.
          for (const arrival of rig.arrivals.filter((a) => a.late))
            expect(rig.arrivals.some((b) => b.seq > arrival.seq && b.atMs <= arrival.atMs)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a live batch is never decoded before the hello on its connection (another session’s dictionary)', () => {
    const rig = new LiveRig(3, 500); // the reliable channel is slower than the live one
    rig.sender.resume(rig.nowMs);
    for (let i = 0; i < 50; i++) rig.step(busBatch(i));
    rig.settle();
    // The station restarts: a new connection and a new session whose dictionary numbers another
    // device first. Its first live batches arrive before its hello.
    rig.sender = rig.newSender('station-2');
    rig.sender.resume(rig.nowMs);
    const other = 'nonin-df7@/dev/ttyUSB1';
    const before = rig.record.length;
    const input = Array.from({ length: 100 }, (_, i) => busBatch(i, other));
    for (let i = 0; i < 20; i++) rig.step(input[i]);
    expect(rig.record.length).toBe(before);
    expect(rig.receiver.stats.liveRefused).toBeGreaterThan(0);
    for (const readings of input.slice(20)) rig.step(readings);
    rig.settle();
    // What was refused came with the backfill: the new session complete, in order, nothing misread.
    expect(rig.record.slice(before).flatMap((b) => b.readings)).toEqual(input.flat());
    expect(rig.sender.stats.backfilled).toBeGreaterThan(0);
  });

  it('without a latest-value channel everything goes reliably at once, as before', () => {
    const rig = new LiveRig(4, 30);
    rig.liveOpen = false;
    streamThrough(rig, 200);
    expect(rig.sender.stats).toMatchObject({ liveBytes: 0, backfilled: 0 });
  });
});
