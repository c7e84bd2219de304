import fc from 'fast-check';
import { BP_METRIC } from '../../../src/devices/bp/bp-record';
import { UTC_ZONE } from '../../../src/devices/bp/device-clock';
import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import { createBeurerBm55HidDriver } from '../../../src/devices/beurer-bm55-hid';
import * as commands from '../../../src/devices/beurer-bm55-hid/commands';
import { BeurerBm55HidDecoder } from '../../../src/devices/beurer-bm55-hid/decoder';
import { encodeRecord } from '../../../src/devices/beurer-bm55-hid/device-encoder';
import { parseRecord } from '../../../src/devices/beurer-bm55-hid/frames';
import { BeurerBm55HidSimulator } from '../../../src/devices/beurer-bm55-hid/simulator';
import { concatBytes } from '../../../src/devices/framing/concat';
import { bytesToHex, hexToBytes } from '../../../src/devices/framing/hex';
import { readingSchema } from '../../../src/shared/domain/readings';
import { runHostLoop } from '../bp/host-loop';
import { normalize, readingsOf } from '../support';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
const decoder = () => new BeurerBm55HidDecoder('bm55@t', { ledger: new BpRecordLedger(), zone: UTC_ZONE });
const driver = (ledger = new BpRecordLedger(), replyTimeoutMs?: number) =>
  createBeurerBm55HidDriver({ ledger, zone: UTC_ZONE, ...(replyTimeoutMs ? { replyTimeoutMs } : {}) });

describe('Beurer BM55 HID commands', () => {
  it('pads every command report with 0xF4 (MediPi, muling-tt/beurer_bm58)', () => {
    expect(bytesToHex(commands.initCommand())).toBe('AA F4 F4 F4 F4 F4 F4 F4');
    expect(bytesToHex(commands.countCommand())).toBe('A2 F4 F4 F4 F4 F4 F4 F4');
    expect(bytesToHex(commands.recordCommand(1))).toBe('A3 01 F4 F4 F4 F4 F4 F4');
    expect(bytesToHex(commands.terminateCommand())).toBe('F7 F4 F4 F4 F4 F4 F4 F4');
    expect(() => commands.recordCommand(0)).toThrow(TypeError);
  });
});

describe('Beurer BM55 record (one hand-built report per field and flag)', () => {
  // SYS 135 (110+25), DIA 85 (60+25), pulse 72, 2026-11-25 08:42.
  const base = '6E 3C 48 0B 19 08 2A 1A';
  it('decodes each field, and the three flag bits without touching the values', () => {
    expect(parseRecord(hexToBytes(base))).toEqual({
      time: { year: 2026, month: 11, day: 25, hour: 8, minute: 42, second: 0 },
      systolic: 135,
      diastolic: 85,
      pulse: 72,
      resting: false,
      userB: false,
      arrhythmia: false,
    });
    expect(parseRecord(hexToBytes('6E 3C 48 8B 19 08 2A 1A'))).toMatchObject({
      resting: true,
      time: { month: 11 },
    });
    expect(parseRecord(hexToBytes('6E 3C 48 0B 99 08 2A 1A'))).toMatchObject({
      userB: true,
      time: { day: 25 },
    });
    expect(parseRecord(hexToBytes('6E 3C 48 0B 19 08 2A 9A'))).toMatchObject({
      arrhythmia: true,
      time: { year: 2026 },
    });
    expect(parseRecord(hexToBytes('FF 3C 48 0B 19 08 2A 1A'))).toMatchObject({ systolic: 280 });
  });
  it('is not a record when the date or time cannot exist (a count reply, padding, text)', () => {
    expect(parseRecord(hexToBytes('05 00 00 00 00 00 00 00'))).toBeNull();
    expect(parseRecord(hexToBytes('F4 F4 F4 F4 F4 F4 F4 F4'))).toBeNull();
    expect(parseRecord(hexToBytes('6E 3C 48 02 1E 08 2A 1A'))).toBeNull(); // 30 February
    expect(parseRecord(hexToBytes('6E 3C 48 0B 19 18 2A 1A'))).toBeNull(); // hour 24
    expect(parseRecord(hexToBytes('6E 3C 48 0B 19 08 3C 1A'))).toBeNull(); // minute 60
    expect(parseRecord(new TextEncoder().encode('BM55 Beu'))).toBeNull();
  });
  it('round-trips through the device encoder', () => {
    const record = parseRecord(hexToBytes('6E 3C 48 8B 99 08 2A 9A'))!;
    expect(bytesToHex(encodeRecord(record))).toBe('6E 3C 48 8B 99 08 2A 9A');
  });
  it('the decoder buffers a download and imports its newest record at the last announced reply', () => {
    const d = decoder();
    const older = bytesToHex(
      encodeRecord({
        ...parseRecord(hexToBytes(base))!,
        time: { ...parseRecord(hexToBytes(base))!.time, hour: 7 },
      }),
    );
    // init reply, count 3, the newest record, an older one (buffered: no readings yet)…
    const head = d.push(hexToBytes(`55 00 00 00 00 00 00 00 03 00 00 00 00 00 00 00 ${base} ${older}`), T0);
    expect(head[0]).toEqual({ kind: 'device-info', key: 'reply', value: '55 00 00 00 00 00 00 00' });
    expect(readingsOf(head)).toEqual([]);
    // …and the last of the three: a repeat of the first. Now the download is over.
    const events = d.push(hexToBytes(base), T0);
    expect(events[0]).toEqual({
      kind: 'device-info',
      key: 'bp-record-duplicate',
      value: '2026-11-25T08:42:00.000Z',
    });
    expect(readingsOf(events).map((r) => r.type === 'numeric' && [r.metric, r.value, r.time])).toEqual([
      [BP_METRIC.systolic, 135, '2026-11-25T08:42:00.000Z'],
      [BP_METRIC.diastolic, 85, '2026-11-25T08:42:00.000Z'],
      [BP_METRIC.pulse, 72, '2026-11-25T08:42:00.000Z'],
    ]);
    expect(
      events.filter((e) => e.kind === 'device-info').map((e) => e.kind === 'device-info' && e.key),
    ).toEqual(['bp-record-duplicate', 'bp-record-skipped-history', 'bp-record']);
    expect(d.stats).toEqual({ frames: 5, dropped: 0, skippedBytes: 0 });
  });
});

describe('Beurer BM55 host ⇄ simulator (pure loop)', () => {
  it('runs AA, A2, A3 1..n, F7; imports only the newest record first, then only newer ones', () => {
    const ledger = new BpRecordLedger();
    const simulator = new BeurerBm55HidSimulator({ seed: 4, zone: UTC_ZONE });
    const run = runHostLoop(driver(ledger), { simulator, startMs: T0 });
    expect(run.error).toBeUndefined();
    expect(
      run.writes.map((w) => (w instanceof Uint8Array ? bytesToHex(w.subarray(0, 2)) : 'feature')),
    ).toEqual(['AA F4', 'A2 F4', 'A3 01', 'A3 02', 'A3 03', 'A3 04', 'A3 05', 'F7 F4']);
    const frames = run.frames.filter((f) => BP_METRIC.systolic in f);
    expect(frames).toHaveLength(5); // all downloaded and reported…
    const info = (key: string) => run.events.filter((e) => e.kind === 'device-info' && e.key === key);
    expect(info('bp-record-skipped-history')).toHaveLength(4);
    // …only the newest imported (the simulator stores it as record 1).
    expect(readingsOf(run.events).map((r) => r.type === 'numeric' && r.value)).toEqual(
      frames.slice(0, 1).flatMap((f) => [f[BP_METRIC.systolic], f[BP_METRIC.diastolic], f[BP_METRIC.pulse]]),
    );
    // A replug with one new measurement: only that one is imported.
    const again = new BeurerBm55HidSimulator({ seed: 5, zone: UTC_ZONE, memory: simulator.storedRecords() });
    const added = again.takeMeasurement(T0 + 3_600_000);
    const second = runHostLoop(driver(ledger), { simulator: again, startMs: T0 + 3_600_000 });
    expect(readingsOf(second.events).map((r) => r.type === 'numeric' && r.value)).toEqual([
      added.systolic,
      added.diastolic,
      added.pulse,
    ]);
  });

  it('ends with a typed timeout when the unit stops answering', () => {
    const run = runHostLoop(driver(new BpRecordLedger(), 200), { startMs: T0, silentAfterWrites: 3 });
    expect(run.error).toMatchObject({ code: 'timeout', message: expect.stringMatching(/A3 2/) as unknown });
  });
});

describe('Beurer BM55 decoder robustness', () => {
  const stream = concatBytes(
    runHostLoop(driver(), { simulator: new BeurerBm55HidSimulator({ seed: 2, zone: UTC_ZONE }), startMs: T0 })
      .deviceBytes,
  );
  const expected = normalize(decoder().push(stream, T0));
  const check = (input: Uint8Array) => {
    const events = decoder().push(input, T0);
    for (const r of readingsOf(events)) expect(readingSchema.safeParse(r).success).toBe(true);
    return events;
  };

  it('gives the same output for the stream split at every byte and at random multi-splits', () => {
    const split = (cuts: number[]) => {
      const d = decoder();
      const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), stream.length];
      return normalize(bounds.slice(1).flatMap((end, i) => d.push(stream.subarray(bounds[i], end), T0)));
    };
    for (let cut = 1; cut < stream.length; cut++) expect(split([cut])).toEqual(expected);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 20 }),
        (cuts) => void expect(split(cuts)).toEqual(expected),
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on random bytes, random reports, or bit flips (2,000 runs each)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => void check(b)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 8, maxLength: 8 }), { maxLength: 30 }),
        (reports) => void check(concatBytes(reports)),
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.nat({ max: stream.length - 1 }), fc.nat({ max: 7 }), (at, bit) => {
        const mutated = stream.slice();
        mutated[at] ^= 1 << bit;
        check(mutated);
      }),
      { numRuns: 2000 },
    );
  });

  it('resyncs after whole-report garbage (HID delivers whole reports) and after a reset', () => {
    const recordTimes = (info: string[]) =>
      info
        .filter((line) => /^bp-record-(downloaded|duplicate)=/.test(line))
        .map((line) => line.split('=')[1]);
    const streamTimes = recordTimes(expected.info);
    expect(streamTimes).toHaveLength(5);
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 8, maxLength: 8 }), { maxLength: 10 }), (garbage) => {
        const d = new BeurerBm55HidDecoder('bm55@t', { ledger: new BpRecordLedger(), zone: UTC_ZONE });
        const out = normalize([...garbage.map((g) => d.push(g, T0)), d.push(stream, T0)].flat());
        // Garbage may shift where the decoder thinks the download ends (a reconnect resets
        // that, below), but never hides the stream's records.
        expect(recordTimes(out.info)).toEqual(expect.arrayContaining(streamTimes));
      }),
      { numRuns: 2000 },
    );
    // A partial report left by an unplug is forgotten on reset (reconnect).
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 7 }), (partial) => {
        const d = decoder();
        d.push(partial, T0);
        d.reset();
        expect(normalize(d.push(stream, T0))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
