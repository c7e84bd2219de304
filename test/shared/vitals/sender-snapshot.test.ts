import type { Reading, ReadingBatch } from '../../../src/shared/domain/readings';
import { decodeSenderState, encodeSenderState } from '../../../src/shared/vitals/sender-snapshot';
import { VitalsReceiver } from '../../../src/shared/vitals/vitals-receiver';
import { VitalsSender, type SenderState } from '../../../src/shared/vitals/vitals-sender';
import { EPOCH_MS } from './support';

/**
 * A station page that reloads mid-call carries its vitals session on (issue 14, item 7): the same
 * session id and numbering, its dictionary, the batches not acknowledged yet. The doctor's record
 * gets every batch exactly once, in order, across the reload: no renumbering, no duplicate, no
 * hole. And a stored text is checked like bytes from the network.
 */
const PLETH = 'contec-cms50-v7@/dev/ttyUSB0';

function readingsAt(i: number, device = PLETH): Reading[] {
  const time = new Date(EPOCH_MS + i * 20).toISOString();
  return [
    {
      type: 'waveform',
      device,
      metric: 'MDC_PULS_OXIM_PLETH',
      unit: '1',
      rateHz: 60,
      start: time,
      samples: [i % 97],
    },
    { type: 'numeric', device, metric: 'MDC_PULS_OXIM_SAT_O2', value: 90 + (i % 9), unit: '%', time },
  ];
}

/** Messages go straight through unless `down`; acks come back only when `acking`. */
class Rig {
  readonly record: ReadingBatch[] = [];
  down = false;
  acking = true;
  sender: VitalsSender;
  readonly receiver: VitalsReceiver;

  constructor() {
    this.receiver = new VitalsReceiver({
      send: (bytes) => this.acking && void this.sender.receive(bytes, EPOCH_MS),
      onBatch: (batch) => this.record.push(batch),
      pingIntervalMs: 0,
      ackIntervalMs: 0,
    });
    this.sender = this.newSender();
  }

  newSender(carryOn?: SenderState): VitalsSender {
    return new VitalsSender({
      sessionId: carryOn?.sessionId ?? 'station-a',
      epochMs: carryOn?.epochMs ?? EPOCH_MS,
      send: (bytes) => {
        if (this.down) return;
        const result = this.receiver.receive(bytes, EPOCH_MS);
        if (!result.ok) throw new Error(result.error.message);
      },
      batchWindowMs: 0,
      ...(carryOn === undefined ? {} : { carryOn }),
    });
  }
}

describe('a station reload carries the vitals session on', () => {
  it('the record is exactly once, in order, with no renumbering, across the reload', () => {
    const rig = new Rig();
    rig.sender.resume(EPOCH_MS);
    const input = Array.from({ length: 60 }, (_, i) => readingsAt(i));
    for (const readings of input.slice(0, 20)) rig.sender.push(readings, EPOCH_MS);
    // The doctor's acks stop coming (a congested way back), then the link goes down: 20–29 are
    // unacknowledged, 25–29 never reached the doctor.
    rig.acking = false;
    for (const readings of input.slice(20, 25)) rig.sender.push(readings, EPOCH_MS);
    rig.down = true;
    for (const readings of input.slice(25, 30)) rig.sender.push(readings, EPOCH_MS);

    // The page unloads: its session goes to sessionStorage as text, and the next page reads it.
    const text = encodeSenderState(rig.sender.snapshot(EPOCH_MS));
    const carried = decodeSenderState(text);
    expect(carried).not.toBeNull();
    // 20–29 at least (19 too when its ack crossed the batch being filed, as it can here).
    const firstCarried = carried?.batches[0].seq ?? -1;
    expect(firstCarried).toBeLessThanOrEqual(20);
    expect(carried?.batches.at(-1)?.seq).toBe(29);
    rig.sender = rig.newSender(carried ?? undefined);
    rig.down = false;
    rig.acking = true;
    rig.sender.resume(EPOCH_MS);
    for (const readings of input.slice(30)) rig.sender.push(readings, EPOCH_MS);

    expect(rig.record.map((b) => b.seq)).toEqual(input.map((_, i) => i));
    expect(rig.record.flatMap((b) => b.readings)).toEqual(input.flat());
    expect(rig.receiver.stats).toMatchObject({ sessions: 1, missing: 0, gaps: 0, rejected: 0 });
    // What the doctor had may come again (here its ack to the hello came first): dropped if so.
    expect(rig.receiver.stats.duplicates).toBeLessThanOrEqual(25 - firstCarried);
    expect(rig.receiver.lastSeq).toBe(59);
  });

  it('a new series after the reload extends the carried dictionary', () => {
    const rig = new Rig();
    rig.sender.resume(EPOCH_MS);
    rig.sender.push(readingsAt(0), EPOCH_MS);
    rig.sender = rig.newSender(
      decodeSenderState(encodeSenderState(rig.sender.snapshot(EPOCH_MS))) ?? undefined,
    );
    rig.sender.resume(EPOCH_MS);
    const other = readingsAt(1, 'nonin-df7@/dev/ttyACM0');
    rig.sender.push(other, EPOCH_MS);
    expect(rig.record.flatMap((b) => b.readings)).toEqual([...readingsAt(0), ...other]);
    expect(rig.receiver.stats).toMatchObject({ sessions: 1, rejected: 0 });
  });

  it('a stored text is checked like bytes from the network: anything wrong starts a new session', () => {
    const rig = new Rig();
    rig.down = true;
    for (let i = 0; i < 5; i++) rig.sender.push(readingsAt(i), EPOCH_MS);
    const good = JSON.parse(encodeSenderState(rig.sender.snapshot(EPOCH_MS))) as {
      nextSeq: number;
      batches: { bytes: string }[];
      dict: string[];
    };
    expect(decodeSenderState(JSON.stringify(good))).not.toBeNull();
    const flip = (base64: string): string => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      bytes[1] ^= 0x01;
      return btoa(String.fromCharCode(...bytes));
    };
    const bad: unknown[] = [
      'not json',
      { ...good, v: 2 },
      { ...good, sessionId: '' },
      { ...good, extra: 1 },
      { ...good, nextSeq: 2 }, // more batches than numbers
      { ...good, nextSeq: good.nextSeq + 1 }, // batches not ending at nextSeq − 1
      { ...good, batches: [good.batches[1], good.batches[0], ...good.batches.slice(2)] },
      { ...good, batches: [{ ...good.batches[0], bytes: flip(good.batches[0].bytes) }] },
      { ...good, dict: [] }, // batches naming entries no dict carries
      { ...good, dict: [flip(good.dict[0])] },
      { ...good, dict: [...good.dict, ...good.dict.map(() => good.batches[0].bytes)] },
    ];
    for (const value of bad)
      expect(decodeSenderState(typeof value === 'string' ? value : JSON.stringify(value))).toBeNull();
  });

  it('carries at most 1 MiB of unacknowledged batches: the oldest are left out, and the doctor counts the gap', () => {
    const rig = new Rig();
    rig.sender.resume(EPOCH_MS);
    rig.down = true;
    // Large jumps between samples: ~6 bytes each, so a few batches pass 1 MiB.
    const samples = Array.from({ length: 30_000 }, (_, i) => (i * 2654435761) % 2 ** 40);
    for (let i = 0; i < 10; i++)
      rig.sender.push(
        [
          {
            type: 'waveform',
            device: PLETH,
            metric: 'MDC_PULS_OXIM_PLETH',
            unit: '1',
            rateHz: 60,
            start: new Date(EPOCH_MS + i * 500_000).toISOString(),
            samples,
          },
        ],
        EPOCH_MS,
      );
    const carried = decodeSenderState(encodeSenderState(rig.sender.snapshot(EPOCH_MS)));
    const carriedBytes = carried?.batches.reduce((n, b) => n + b.bytes.length, 0) ?? 0;
    expect(carriedBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(carried?.batches.at(-1)?.seq).toBe(9);
    expect(carried?.batches[0].seq).toBeGreaterThan(0);
    rig.sender = rig.newSender(carried ?? undefined);
    rig.down = false;
    rig.sender.resume(EPOCH_MS);
    expect(rig.receiver.stats.missing).toBe(carried?.batches[0].seq);
    expect(rig.record.at(-1)?.seq).toBe(9);
  });

  it('refuses to carry on another session', () => {
    const state = new Rig().sender.snapshot(EPOCH_MS);
    expect(
      () =>
        new VitalsSender({
          sessionId: 'station-b',
          epochMs: EPOCH_MS,
          send: () => undefined,
          carryOn: state,
        }),
    ).toThrow(RangeError);
  });
});
