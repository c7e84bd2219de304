import { createBeurerBm58Driver } from '../../../src/devices/beurer-bm58';
import { UTC_ZONE } from '../../../src/devices/bp/device-clock';
import { REPLY_TIMEOUT_MS } from '../../../src/devices/beurer-bm58/constants';
import { BeurerBm58Host } from '../../../src/devices/beurer-bm58/host';
import { BeurerBm58Simulator } from '../../../src/devices/beurer-bm58/simulator';
import type { StoredMeasurement } from '../../../src/devices/beurer-bm58/frames';
import { bytesToHex } from '../../../src/devices/framing/hex';
import type { NumericReading } from '../../../src/shared/domain/readings';
import { readingsOf } from '../support';
import { runConversation } from './conversation';

const M = (day: number): StoredMeasurement => ({
  systolic: 130,
  diastolic: 85,
  pulse: 70,
  year: 2026,
  month: 10,
  day,
  hour: 9,
  minute: 5,
});

/** Device clocks read as UTC, so the expected times hold in every time zone the suite runs in. */
const beurerBm58 = createBeurerBm58Driver({ zone: UTC_ZONE });

describe('BeurerBm58Simulator', () => {
  it('answers each documented command byte for byte', () => {
    const sim = new BeurerBm58Simulator({ records: [M(1), null] });
    expect(bytesToHex(sim.receive(Uint8Array.of(0xaa)).bytes)).toBe('55');
    expect(sim.receive(Uint8Array.of(0xa4)).bytes).toHaveLength(32);
    expect(bytesToHex(sim.receive(Uint8Array.of(0xa2)).bytes)).toBe('02');
    expect(bytesToHex(sim.receive(Uint8Array.of(0xa3, 0x01)).bytes)).toBe('AC 69 3C 46 0A 01 09 05 1A');
    expect(bytesToHex(sim.receive(Uint8Array.of(0xa3, 0x02)).bytes)).toBe('A9');
    expect(bytesToHex(sim.receive(Uint8Array.of(0xa3, 0x03)).bytes)).toBe('A9');
    // A record request split across two writes, and unknown bytes, as a device would take them.
    expect(sim.receive(Uint8Array.of(0x00, 0xa3)).bytes).toHaveLength(0);
    expect(bytesToHex(sim.receive(Uint8Array.of(0x01)).bytes)).toBe('AC 69 3C 46 0A 01 09 05 1A');
    expect(sim.tick().bytes).toHaveLength(0);
  });
  it('holds ~5 plausible measurements by default, the same for the same seed', () => {
    const read = (seed: number) => {
      const sim = new BeurerBm58Simulator({ seed });
      return [1, 2, 3, 4, 5].map((n) => bytesToHex(sim.receive(Uint8Array.of(0xa3, n)).bytes));
    };
    expect(read(3)).toEqual(read(3));
    expect(read(3).every((hex) => hex.startsWith('AC'))).toBe(true);
    expect(bytesToHex(new BeurerBm58Simulator().receive(Uint8Array.of(0xa2)).bytes)).toBe('05');
  });
});

describe('BeurerBm58Host', () => {
  it('downloads every stored measurement, one command at a time; a first download imports the newest', () => {
    const result = runConversation(beurerBm58, new BeurerBm58Simulator({ records: [M(1), null, M(3)] }), {
      untilMs: 5000,
    });
    expect(result.writes.map(bytesToHex)).toEqual(['AA', 'A2', 'A3 01', 'A3 02', 'A3 03']);
    const readings = readingsOf(result.events) as NumericReading[];
    expect(result.events).toContainEqual({
      kind: 'device-info',
      key: 'bp-record-skipped-history',
      value: '2026-10-01T09:05:00.000Z',
    });
    expect(readings.map((r) => `${r.time} ${r.metric} ${r.value}`)).toEqual([
      '2026-10-03T09:05:00.000Z MDC_PRESS_BLD_NONINV_SYS 130',
      '2026-10-03T09:05:00.000Z MDC_PRESS_BLD_NONINV_DIA 85',
      '2026-10-03T09:05:00.000Z MDC_PULS_RATE_NON_INV 70',
    ]);
    expect(result.error).toBeUndefined();
  });
  it('stops after the count when the memory is empty', () => {
    const result = runConversation(beurerBm58, new BeurerBm58Simulator({ records: [] }), { untilMs: 5000 });
    expect(result.writes.map(bytesToHex)).toEqual(['AA', 'A2']);
    expect(result.error).toBeUndefined();
  });
  it('a device that stops answering mid-download: one retry, then a timeout error', () => {
    const sim = new BeurerBm58Simulator({ records: [M(1), M(2), M(3)] });
    const host = new BeurerBm58Host();
    const decoder = beurerBm58.createDecoder('sim');
    const feed = (bytes: Uint8Array, atMs: number) =>
      decoder
        .push(sim.receive(bytes, atMs).bytes, atMs)
        .flatMap((e) => host.onEvent(e, atMs).writes as Uint8Array[]);
    let next = host.open(0).writes as Uint8Array[];
    for (let i = 0; i < 3; i++) next = next.flatMap((w) => feed(w, 10)); // AA → A2 → A3 01 → A3 02
    expect(next.map(bytesToHex)).toEqual(['A3 02']);
    // The monitor is switched off: A3 02 is never answered.
    expect(host.tick(10 + REPLY_TIMEOUT_MS - 1)).toEqual({ writes: [] });
    expect((host.tick(10 + REPLY_TIMEOUT_MS).writes as Uint8Array[]).map(bytesToHex)).toEqual(['A3 02']);
    const failed = host.tick(10 + 2 * REPLY_TIMEOUT_MS);
    expect(failed.error).toEqual({
      code: 'timeout',
      message: 'the monitor stopped answering (waiting for record 2 of 3)',
    });
    expect(host.tick(10 + 3 * REPLY_TIMEOUT_MS)).toEqual({ writes: [] });
    expect(host.state.phase).toBe('failed');
  });
  it('a silent device fails the handshake with a timeout too (through the pure loop)', () => {
    const result = runConversation(beurerBm58, new BeurerBm58Simulator(), {
      untilMs: 10_000,
      deviceSilentAfterMs: 0,
    });
    expect(result.writes.map(bytesToHex)).toEqual(['AA', 'AA']);
    expect(result.error?.code).toBe('timeout');
  });
  it('asks again for a record that fails validation, then moves on', () => {
    const host = new BeurerBm58Host();
    host.open(0);
    host.onEvent({ kind: 'device-info', key: 'reply-byte', value: '55' }, 1);
    expect(
      (host.onEvent({ kind: 'device-info', key: 'reply-byte', value: '02' }, 2).writes as Uint8Array[]).map(
        bytesToHex,
      ),
    ).toEqual(['A3 01']);
    const bad = { kind: 'frame-error', code: 'out-of-range', detail: 'x' } as const;
    expect((host.onEvent(bad, 3).writes as Uint8Array[]).map(bytesToHex)).toEqual(['A3 01']);
    expect((host.onEvent(bad, 4).writes as Uint8Array[]).map(bytesToHex)).toEqual(['A3 02']);
    expect(host.onEvent({ kind: 'device-info', key: 'reply-byte', value: 'A9' }, 5).writes).toEqual([]);
    expect(host.state.phase).toBe('done');
  });
});
