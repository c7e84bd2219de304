import type { DecodeEvent } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { philipsIntellivueMib } from '../../../src/devices/philips-intellivue-mib';
import { IntellivueDecoder } from '../../../src/devices/philips-intellivue-mib/decoder';
import type { NumericReading } from '../../../src/shared/domain/readings';
import { pushAll, readingsOf } from '../support';
import { absoluteStamp, nuCompound, nuValue, observation, pollReply, relativeStamp } from './literal-frames';

/**
 * Episodic numerics (PROTOCOL.md "Episodic numerics"): a monitor holds its last cuff result and
 * repeats it in every poll reply; the decoder emits it once, at the time the monitor measured it.
 * Frames are written from the PROTOCOL.md tables (literal-frames.ts).
 */

const DEVICE = 'philips-intellivue-mib@/dev/ttyUSB0';
const T0 = Date.UTC(2026, 11, 5, 10, 0, 0);
/** The monitor has been on for an hour: RelativeTime counts 1/8 ms. */
const UPTIME = 3600 * 1000 * 8;
const TICKS_PER_S = 8000;
const iso = (ms: number) => new Date(ms).toISOString();

const HR = (bpm: string) => observation(1, nuValue('41 82', '00 00', '0A A0', bpm));
/** An NIBP result: compound sys/dia/mean (handle 4) and its pulse (handle 5), both dated. */
function nibp(sys: string, dia: string, mean: string, pulse: string, stamp?: readonly [string, string]) {
  const dated = stamp === undefined ? [] : [stamp];
  return [
    observation(
      4,
      nuCompound(`4A 05 00 00 0F 20 ${sys}`, `4A 06 00 00 0F 20 ${dia}`, `4A 07 00 00 0F 20 ${mean}`),
      ...dated,
    ),
    observation(5, nuValue('F0 E5', '00 00', '0A A0', pulse), ...dated),
  ];
}
/** 111/73 (86), pulse 72: FLOAT-Types with exponent 0. */
const HELD_111_73 = ['00 00 00 6F', '00 00 00 49', '00 00 00 56', '00 00 00 48'] as const;

function bloodPressures(readings: readonly NumericReading[]) {
  return readings
    .filter((r) => r.metric.startsWith('MDC_PRESS_BLD_NONINV') || r.metric === 'MDC_PULS_RATE_NON_INV')
    .map((r) => [r.metric, r.value, r.time]);
}

function numerics(events: readonly DecodeEvent[]): NumericReading[] {
  return readingsOf(events).filter((r): r is NumericReading => r.type === 'numeric');
}

/** One poll reply a second from T0, the i-th at relative time UPTIME + i s. */
function polls(count: number, observationsOf: (i: number) => string[]) {
  return Array.from({ length: count }, (_, i) => ({
    bytes: pollReply(UPTIME + i * TICKS_PER_S, observationsOf(i)),
    atMs: T0 + i * 1000,
  }));
}

describe('IntelliVue episodic numerics: one reading per cuff measurement', () => {
  it('a held NIBP repeated for 60 polls is one BP (four readings) at the time its time stamp says', () => {
    // Measured 30 s before the first poll; every reply repeats it with the same time stamp.
    const stamp = relativeStamp(UPTIME - 30 * TICKS_PER_S);
    const stream = polls(60, (i) => [
      HR(`00 00 00 ${(60 + (i % 5)).toString(16)}`),
      ...nibp(...HELD_111_73, stamp),
    ]);
    for (const decoder of [new IntellivueDecoder(DEVICE), philipsIntellivueMib.createDecoder(DEVICE)]) {
      const readings = numerics(pushAll(decoder, stream));
      const measured = iso(T0 - 30_000);
      expect(bloodPressures(readings)).toEqual([
        ['MDC_PRESS_BLD_NONINV_SYS', 111, measured],
        ['MDC_PRESS_BLD_NONINV_DIA', 73, measured],
        ['MDC_PRESS_BLD_NONINV_MEAN', 86, measured],
        ['MDC_PULS_RATE_NON_INV', 72, measured],
      ]);
      // The continuous heart rate still streams, one per poll at its arrival.
      const heartRates = readings.filter((r) => r.metric === 'MDC_ECG_HEART_RATE');
      expect(heartRates.map((r) => r.time)).toEqual(stream.map((p) => iso(p.atMs)));
    }
  });

  it('a second cuff measurement, even with identical values, is a second BP at its own time', () => {
    const first = relativeStamp(UPTIME - 30 * TICKS_PER_S);
    // Completed 400 ms before poll 70 (its time stamp), with the same 111/73 (86) and pulse.
    const second = relativeStamp(UPTIME + 70 * TICKS_PER_S - 400 * 8);
    const stream = polls(90, (i) => [HR('00 00 00 48'), ...nibp(...HELD_111_73, i < 70 ? first : second)]);
    const readings = numerics(pushAll(new IntellivueDecoder(DEVICE), stream));
    const times = bloodPressures(readings).map(([, , time]) => time);
    expect(times).toEqual([
      ...Array<string>(4).fill(iso(T0 - 30_000)),
      ...Array<string>(4).fill(iso(T0 + 69_600)),
    ]);
  });

  it('without a time stamp: once, at the arrival of the poll where the result first appears or changes', () => {
    const nan = '00 7F FF FF';
    const stream = polls(70, (i) =>
      i < 3
        ? [...nibp(nan, nan, nan, nan)].map((o) =>
            o.replaceAll('00 00 0F 20', '20 00 0F 20').replace('00 00 0A A0', '20 00 0A A0'),
          )
        : i < 40
          ? nibp(...HELD_111_73)
          : nibp('00 00 00 78', '00 00 00 50', '00 00 00 5D', '00 00 00 46'),
    );
    const readings = numerics(pushAll(new IntellivueDecoder(DEVICE), stream));
    expect(bloodPressures(readings)).toEqual([
      // Before any result: "no result" once, not at every poll.
      ['MDC_PRESS_BLD_NONINV_SYS', null, iso(T0)],
      ['MDC_PRESS_BLD_NONINV_DIA', null, iso(T0)],
      ['MDC_PRESS_BLD_NONINV_MEAN', null, iso(T0)],
      ['MDC_PULS_RATE_NON_INV', null, iso(T0)],
      ['MDC_PRESS_BLD_NONINV_SYS', 111, iso(T0 + 3000)],
      ['MDC_PRESS_BLD_NONINV_DIA', 73, iso(T0 + 3000)],
      ['MDC_PRESS_BLD_NONINV_MEAN', 86, iso(T0 + 3000)],
      ['MDC_PULS_RATE_NON_INV', 72, iso(T0 + 3000)],
      ['MDC_PRESS_BLD_NONINV_SYS', 120, iso(T0 + 40_000)],
      ['MDC_PRESS_BLD_NONINV_DIA', 80, iso(T0 + 40_000)],
      ['MDC_PRESS_BLD_NONINV_MEAN', 93, iso(T0 + 40_000)],
      ['MDC_PULS_RATE_NON_INV', 70, iso(T0 + 40_000)],
    ]);
  });

  it('dates by the absolute time stamp against the reply’s absolute time (the zone cancels out)', () => {
    // The monitor's wall clock says 10:00:00 at the reply; the result was taken at 09:58:30.
    const reply = pollReply(
      UPTIME,
      nibp(...HELD_111_73, absoluteStamp('20 26 12 05 09 58 30 00')),
      '20 26 12 05 10 00 00 00',
    );
    const arrival = T0 + 3 * 3600_000; // the station's clock is in another zone: only the 90 s count
    const readings = numerics(new IntellivueDecoder(DEVICE).push(reply, arrival));
    expect(new Set(bloodPressures(readings).map(([, , time]) => time))).toEqual(
      new Set([iso(arrival - 90_000)]),
    );
  });

  it('an absolute time stamp with the reply’s clock not set falls back to the arrival time', () => {
    const reply = pollReply(UPTIME, nibp(...HELD_111_73, absoluteStamp('20 26 12 05 09 58 30 00')));
    const readings = numerics(new IntellivueDecoder(DEVICE).push(reply, T0));
    expect(new Set(bloodPressures(readings).map(([, , time]) => time))).toEqual(new Set([iso(T0)]));
  });

  it('a result measured before the relative clock wrapped is still in the past', () => {
    // Reply at RelativeTime 0x00000FA0 (0.5 s after the u32 wrapped), result at 0xFFFFE0C0 (1 s before).
    const reply = pollReply(0x00000fa0, nibp(...HELD_111_73, relativeStamp(0xffffe0c0)));
    const readings = numerics(new IntellivueDecoder(DEVICE).push(reply, T0));
    expect(new Set(bloodPressures(readings).map(([, , time]) => time))).toEqual(new Set([iso(T0 - 1500)]));
  });

  it('a monitor spot temperature (NOM_TEMP_BODY 4B5C) is episodic; the probe temperature (4B48) streams', () => {
    const stream = polls(10, () => [
      observation(6, nuValue('4B 48', '00 00', '17 A0', 'FF 00 01 6F')), // 36.7 °C, probe
      observation(
        7,
        nuValue('4B 5C', '00 00', '17 A0', 'FF 00 01 71'),
        relativeStamp(UPTIME - 5 * TICKS_PER_S),
      ), // 36.9
    ]);
    const readings = numerics(pushAll(new IntellivueDecoder(DEVICE), stream));
    expect(readings.filter((r) => r.metric === 'MDC_TEMP')).toHaveLength(10);
    expect(readings.filter((r) => r.metric === 'MDC_TEMP_BODY').map((r) => [r.value, r.time])).toEqual([
      [36.9, iso(T0 - 5000)],
    ]);
  });

  it('decodes the same from any chunking of the 60-poll capture', () => {
    const stamp = relativeStamp(UPTIME - 30 * TICKS_PER_S);
    const stream = polls(8, () => [HR('00 00 00 48'), ...nibp(...HELD_111_73, stamp)]);
    const whole = numerics(pushAll(new IntellivueDecoder(DEVICE), stream));
    const bytes = concatBytes(stream.map((p) => p.bytes));
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const decoder = new IntellivueDecoder(DEVICE);
      // Every chunk arrives at T0: the poll times collapse, but one BP comes out all the same.
      const events = [...decoder.push(bytes.subarray(0, cut), T0), ...decoder.push(bytes.subarray(cut), T0)];
      expect(bloodPressures(numerics(events))).toEqual(
        bloodPressures(whole).map(([m, v]) => [m, v, iso(T0 - 30_000)]),
      );
    }
  });

  it('reset forgets what was emitted: a reconnect reports the held result again', () => {
    const stamp = relativeStamp(UPTIME - 30 * TICKS_PER_S);
    const decoder = new IntellivueDecoder(DEVICE);
    const reply = pollReply(UPTIME, nibp(...HELD_111_73, stamp));
    expect(bloodPressures(numerics(decoder.push(reply, T0)))).toHaveLength(4);
    expect(bloodPressures(numerics(decoder.push(reply, T0 + 1000)))).toHaveLength(0);
    decoder.reset();
    expect(bloodPressures(numerics(decoder.push(reply, T0 + 2000)))).toHaveLength(4);
  });
});
