import fc from 'fast-check';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { IntellivueDecoder } from '../../../src/devices/philips-intellivue-mib/decoder';
import { pollNumericsReply } from '../../../src/devices/philips-intellivue-mib/device-encoder';
import { encodeFrame } from '../../../src/devices/philips-intellivue-mib/frames';
import { readingSchema } from '../../../src/shared/domain/readings';
import { normalize, pushAll, readingsOf, splitStream } from '../support';
import { capture, flatten, pollObjects } from './fixtures';

const DEVICE = 'philips-intellivue-mib@/dev/ttyUSB0';
const T0 = Date.UTC(2026, 10, 25, 16, 0, 0);

describe('numeric mapping: one hand-built observation per physio id', () => {
  it.each([
    [0x4182, 0x0aa0, 'MDC_ECG_HEART_RATE', '/min'],
    [0x4bb8, 0x0220, 'MDC_PULS_OXIM_SAT_O2', '%'],
    [0x4822, 0x0aa0, 'MDC_PULS_OXIM_PULS_RATE', '/min'],
    [0xf0e5, 0x0aa0, 'MDC_PULS_RATE_NON_INV', '/min'],
    [0x4a05, 0x0f20, 'MDC_PRESS_BLD_NONINV_SYS', 'mm[Hg]'],
    [0x4a06, 0x0f20, 'MDC_PRESS_BLD_NONINV_DIA', 'mm[Hg]'],
    [0x4a07, 0x0f20, 'MDC_PRESS_BLD_NONINV_MEAN', 'mm[Hg]'],
    [0x4b48, 0x17a0, 'MDC_TEMP', 'Cel'],
    [0x4b5c, 0x17a0, 'MDC_TEMP_BODY', 'Cel'],
    [0x500a, 0x0ae0, 'MDC_RESP_RATE', '/min'],
  ])('physio 0x%s in unit 0x%s → %s', (physioId, unitCode, metric, unit) => {
    const decode = (value: number | null, state = 0) =>
      readingsOf(
        new IntellivueDecoder(DEVICE).push(
          pollNumericsReply(1, 1, 0, [{ handle: 9, values: [{ physioId, unitCode, value, state }] }]),
          T0,
        ),
      );
    expect(decode(37.2)).toEqual([
      { type: 'numeric', device: DEVICE, metric, value: 37.2, unit, time: new Date(T0).toISOString() },
    ]);
    expect(decode(null)).toMatchObject([{ metric, value: null }]);
    for (const state of [0x8000, 0x2000]) expect(decode(37.2, state)).toMatchObject([{ value: null }]);
    // Questionable: the value is kept, after a status reading that says so.
    expect(decode(37.2, 0x4000)).toMatchObject([
      { type: 'status', flags: ['questionable'] },
      { value: 37.2 },
    ]);
    expect(
      readingsOf(
        new IntellivueDecoder(DEVICE).push(
          pollNumericsReply(1, 1, 0, [{ handle: 9, values: [{ physioId, unitCode: 0x0001, value: 5 }] }]),
          T0,
        ),
      ),
    ).toEqual([]);
  });
});

describe('IntellivueDecoder', () => {
  it('turns a poll result into numerics with the contract shape, timed at arrival', () => {
    const { frames } = capture(6);
    const decoder = new IntellivueDecoder(DEVICE);
    const events = decoder.push(frames[7], T0);
    const readings = readingsOf(events);
    readings.forEach((r) => readingSchema.parse(r));
    const time = new Date(T0).toISOString();
    expect(readings).toEqual([
      numeric('MDC_ECG_HEART_RATE', 75, '/min'),
      numeric('MDC_PULS_OXIM_SAT_O2', 97, '%'),
      numeric('MDC_PULS_OXIM_PULS_RATE', 71, '/min'),
      numeric('MDC_PRESS_BLD_NONINV_SYS', 118, 'mm[Hg]'),
      numeric('MDC_PRESS_BLD_NONINV_DIA', 76, 'mm[Hg]'),
      numeric('MDC_PRESS_BLD_NONINV_MEAN', 90, 'mm[Hg]'),
      numeric('MDC_TEMP', 36.8, 'Cel'),
      numeric('MDC_RESP_RATE', 15, '/min'),
    ]);
    expect(events.filter((e) => e.kind === 'device-info')).toEqual([
      { kind: 'device-info', key: 'poll-result', value: '6' },
    ]);
    function numeric(metric: string, value: number, unit: string) {
      return { type: 'numeric', device: DEVICE, metric, value, unit, time };
    }
  });

  it('emits every numeric of every poll, nulls for invalid states and NaN values, and device info', () => {
    const { frames, values } = capture();
    const decoder = new IntellivueDecoder(DEVICE);
    const events = decoder.push(concatBytes(frames), T0);
    expect(numericPairs(events)).toEqual(flatten(values));
    const info = normalize(events).info;
    expect(info.slice(0, 3)).toEqual(['association=accepted', 'mds-create-event=1', 'poll-result=1']);
    expect(info).toContain('remote-error=invoke 99: error 3');
    expect(decoder.stats).toEqual({ frames: frames.length, dropped: 0, skippedBytes: 0 });
  });

  it('times each reading at the arrival of the chunk that completes its frame', () => {
    const { frames } = capture(3);
    const decoder = new IntellivueDecoder(DEVICE);
    const poll = frames[2];
    expect(readingsOf(decoder.push(poll.subarray(0, 20), T0))).toEqual([]);
    const readings = readingsOf(decoder.push(poll.subarray(20), T0 + 40));
    expect(new Set(readings.map((r) => r.type === 'numeric' && r.time))).toEqual(
      new Set([new Date(T0 + 40).toISOString()]),
    );
  });

  it('gives identical output for a split at every byte boundary', () => {
    const { frames } = capture(4);
    const stream = concatBytes(frames);
    const whole = normalize(new IntellivueDecoder(DEVICE).push(stream, T0));
    for (let cut = 1; cut < stream.length; cut++) {
      const decoder = new IntellivueDecoder(DEVICE);
      expect(normalize(pushAll(decoder, splitStream(stream, [cut], [], T0, 0)))).toEqual(whole);
    }
  });

  it('gives identical output for random multi-splits', () => {
    const { frames } = capture(10);
    const stream = concatBytes(frames);
    const whole = normalize(new IntellivueDecoder(DEVICE).push(stream, T0));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 80 }), (cuts) => {
        const decoder = new IntellivueDecoder(DEVICE);
        expect(normalize(pushAll(decoder, splitStream(stream, cuts, [], T0, 0)))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('drops and counts a bad-FCS frame without a reading, and decodes the next one', () => {
    const { frames } = capture(3);
    const bad = frames[2].slice();
    bad[bad.length - 3] ^= 0x04;
    const decoder = new IntellivueDecoder(DEVICE);
    const events = decoder.push(concatBytes([bad, frames[3]]), T0);
    expect(normalize(events).errors).toEqual(['checksum']);
    // The first poll this decoder sees: its NIBP "no result" comes out once, here.
    expect(numericPairs(events)).toEqual(flatten([pollObjects(1).values]));
    expect(decoder.stats).toEqual({ frames: 1, dropped: 1, skippedBytes: 0 });
  });

  it('drops truncated, aborted and unknown frames, and counts skipped bytes', () => {
    const { frames } = capture(3);
    const decoder = new IntellivueDecoder(DEVICE);
    const events = decoder.push(
      concatBytes([
        hexToBytes('00 FF 11 01'),
        frames[2].subarray(0, 30),
        hexToBytes('C0 11 01 7D C1'),
        encodeFrame(hexToBytes('42 00')),
        hexToBytes('C0 11 C1'),
        frames[3],
      ]),
      T0,
    );
    expect(normalize(events).errors).toEqual(['malformed', 'malformed', 'unknown-type', 'malformed']);
    // The first poll this decoder sees: its NIBP "no result" comes out once, here.
    expect(numericPairs(events)).toEqual(flatten([pollObjects(1).values]));
    expect(decoder.stats).toEqual({ frames: 1, dropped: 4, skippedBytes: 4 });
  });

  it('drops a runaway frame longer than the limit and resyncs', () => {
    const { frames, values } = capture(3);
    const decoder = new IntellivueDecoder(DEVICE);
    const runaway = concatBytes([hexToBytes('C0'), new Uint8Array(9000).fill(0x41)]);
    const events = decoder.push(concatBytes([runaway, frames[2]]), T0);
    expect(normalize(events).errors).toEqual(['malformed']);
    expect(numericPairs(events)).toEqual(flatten([values[2]]));
  });

  it('reset forgets a partial frame', () => {
    const { frames } = capture(3);
    const decoder = new IntellivueDecoder(DEVICE);
    decoder.push(frames[2].subarray(0, 25), T0);
    decoder.reset();
    const events = decoder.push(concatBytes([frames[2].subarray(25), frames[3]]), T0);
    // The first poll this decoder sees: its NIBP "no result" comes out once, here.
    expect(numericPairs(events)).toEqual(flatten([pollObjects(1).values]));
    expect(normalize(events).errors).toEqual([]);
  });
});

function numericPairs(events: ReturnType<IntellivueDecoder['push']>) {
  return normalize(events).numerics.map((n) => [n.metric, n.value]);
}
