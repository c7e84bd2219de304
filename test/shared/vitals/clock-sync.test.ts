import { ClockSync } from '../../../src/shared/vitals/clock-sync';
import { VitalsReceiver } from '../../../src/shared/vitals/vitals-receiver';
import { VitalsSender } from '../../../src/shared/vitals/vitals-sender';
import { EPOCH_MS } from './support';

/** mulberry32, so the jitter is the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('clock sync', () => {
  it('converges on a simulated offset through jittery, asymmetric one-way delays', () => {
    const offset = 1234.5; // station clock − consultant clock
    const random = prng(9);
    const clock = new ClockSync(16);
    let local = 10_000;
    for (let i = 0; i < 40; i++) {
      // 20 ms base each way, plus queueing of up to 150 ms on either leg, independently.
      const out = 20 + (random() < 0.7 ? random() * 150 : random() * 2);
      const back = 20 + (random() < 0.7 ? random() * 150 : random() * 2);
      const t0 = local;
      const t1 = t0 + out + offset;
      const t2 = t1 + random() * 3;
      const t3 = t2 - offset + back;
      expect(clock.addExchange(t0, t1, t2, t3)).toBe(true);
      local = t3 + 1000;
    }
    expect(clock.offsetMs).not.toBeNull();
    expect(Math.abs(clock.offsetMs! - offset)).toBeLessThan(3);
    expect(clock.rttMs!).toBeLessThan(45);
    expect(clock.stationToLocal(EPOCH_MS + offset)).toBeCloseTo(EPOCH_MS, -1);
    expect(clock.localToStation(clock.stationToLocal(EPOCH_MS))).toBeCloseTo(EPOCH_MS, 6);
  });

  it('ignores impossible exchanges and is the identity before the first', () => {
    const clock = new ClockSync();
    expect(clock.stationToLocal(42)).toBe(42);
    expect(clock.addExchange(100, 0, 0, 50)).toBe(false);
    expect(clock.addExchange(0, 10, 5, 20)).toBe(false);
    expect(clock.synced).toBe(false);
  });

  it('follows a clock step once the old samples leave the window', () => {
    const clock = new ClockSync(4);
    for (let i = 0; i < 4; i++) clock.addExchange(i * 100, i * 100 + 510, i * 100 + 510, i * 100 + 20);
    expect(clock.offsetMs).toBe(500);
    for (let i = 4; i < 8; i++) clock.addExchange(i * 100, i * 100 + 1010, i * 100 + 1010, i * 100 + 20);
    expect(clock.offsetMs).toBe(1000);
  });

  it('runs over the channel: the consultant pings, the station answers with its clock', () => {
    const offset = -250;
    let now = EPOCH_MS;
    const toReceiver: Uint8Array[] = [];
    const toSender: Uint8Array[] = [];
    const sender = new VitalsSender({ sessionId: 's', epochMs: EPOCH_MS, send: (b) => toReceiver.push(b) });
    const receiver = new VitalsReceiver({
      send: (b) => toSender.push(b),
      onBatch: () => undefined,
      pingIntervalMs: 500,
    });
    sender.resume(now + offset);
    for (let i = 0; i < 10; i++) {
      while (toReceiver.length > 0) receiver.receive(toReceiver.shift()!, now);
      receiver.tick(now);
      now += 7; // one-way delay
      while (toSender.length > 0) sender.receive(toSender.shift()!, now + offset);
      now += 7;
      while (toReceiver.length > 0) receiver.receive(toReceiver.shift()!, now);
      now += 500;
    }
    expect(receiver.clock.offsetMs).toBeCloseTo(offset, 6);
    expect(receiver.clock.rttMs).toBeCloseTo(14, 6);
  });
});
