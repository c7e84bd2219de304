import fc from 'fast-check';
import type { Decoder, DecodeEvent } from '../../../src/devices/driver';
import { concatBytes } from '../../../src/devices/framing/concat';
import { FRAMES_PER_PACKET } from '../../../src/devices/nonin/packet';
import { packetFloats, type PacketContent } from '../../../src/devices/nonin/packet-encoder';
import {
  STATUS_BIT,
  statusByte,
  statusFields,
  type PlethFrameFields,
} from '../../../src/devices/nonin/pleth-frame';
import { readingSchema } from '../../../src/shared/domain/readings';
import { expectSameOutput, normalize, pushAll, readingsOf, splitStream } from '../support';
import { describePlethFuzz } from './pleth-fuzz';
import { PULSE, SPO2, T0 } from './support';

/**
 * What every #2/#7 decoder must do, run against each format's own frame encoder: packet values,
 * flags, markers, packet loss, chunking, and fuzzing (5 properties × 2,000 runs).
 */
export interface PlethSuiteSubject {
  readonly createDecoder: () => Decoder;
  readonly encode: (fields: PlethFrameFields) => Uint8Array;
  /** A distinct pleth value per frame index, in the format's range. */
  readonly plethOf: (i: number) => number;
}

const PERIOD = 1000 / 75;
const CONTENT: PacketContent = { pulseRate: 72, spo2: 97, timer: 5, lowBattery: false, smartPoint: true };

export function packetStream(
  subject: PlethSuiteSubject,
  packets: readonly PacketContent[],
  status: (frameIndex: number) => number = () => STATUS_BIT.marker,
): Uint8Array[] {
  return packets.flatMap((content, p) => {
    const floats = packetFloats(content);
    return floats.map((float, k) => {
      const i = p * FRAMES_PER_PACKET + k;
      return subject.encode({
        status: status(i) | (k === 0 ? STATUS_BIT.sync : 0),
        pleth: subject.plethOf(i),
        float,
      });
    });
  });
}

const values = (events: DecodeEvent[], metric: string) =>
  normalize(events)
    .numerics.filter((n) => n.metric === metric)
    .map((n) => n.value);

export function describePlethDecoder(subject: PlethSuiteSubject): void {
  const decode = (bytes: Uint8Array): DecodeEvent[] => subject.createDecoder().push(bytes, T0);

  it('reads HR and SpO2 from packet frames 1–3, and 9-bit HR and the missing markers', () => {
    const frames = packetStream(subject, [
      CONTENT,
      { ...CONTENT, pulseRate: 300 },
      { ...CONTENT, pulseRate: null, spo2: null },
    ]);
    const events = decode(concatBytes(frames));
    expect(values(events, PULSE)).toEqual([72, 300, null]);
    expect(values(events, SPO2)).toEqual([97, null]);
    expect(normalize(events).samples).toEqual(frames.map((_, i) => subject.plethOf(i)));
    readingsOf(events).forEach((r) => readingSchema.parse(r));
  });

  it('emits no numeric before the first packet says it (not-known-yet is not the missing marker)', () => {
    const frames = packetStream(subject, [CONTENT]);
    // Joined mid-packet: frames 10..25, then a whole packet.
    const events = decode(concatBytes([...frames.slice(9), ...frames]));
    const out = normalize(events);
    expect(out.samples).toHaveLength(16 + 25);
    expect(out.numerics[0]).toMatchObject({
      metric: PULSE,
      value: 72,
      time: new Date(Math.round(T0 - 23 * PERIOD)).toISOString(),
    });
  });

  it('maps each STATUS bit and the STAT2 low-battery bit to status flags', () => {
    const cases: [number, string[]][] = [
      [STATUS_BIT.sensorAlarm, ['probe-off']],
      [STATUS_BIT.sensorDisconnect, ['probe-error']],
      [STATUS_BIT.artifact, ['artifact']],
      [STATUS_BIT.outOfTrack, ['out-of-track']],
      [STATUS_BIT.redPerfusion, ['low-perfusion']],
      [STATUS_BIT.redPerfusion | STATUS_BIT.greenPerfusion, ['marginal-perfusion']],
      [STATUS_BIT.greenPerfusion, []],
      [0, []],
    ];
    for (const [bits, flags] of cases) {
      const events = decode(concatBytes(packetStream(subject, [CONTENT], () => STATUS_BIT.marker | bits)));
      expect(normalize(events).statuses.map((s) => s.flags)).toEqual([flags]);
    }
    const lowBattery = decode(concatBytes(packetStream(subject, [{ ...CONTENT, lowBattery: true }])));
    expect(normalize(lowBattery).statuses.map((s) => s.flags)).toEqual([[], ['low-battery']]);
    expect(statusFields(statusByte({ ...statusFields(0xff) }))).toEqual(statusFields(0xff));
  });

  it('a lost frame or an early SYNC restarts the packet; values wait for the next SYNC', () => {
    const frames = packetStream(subject, [
      CONTENT,
      { ...CONTENT, pulseRate: 80, spo2: 90 },
      { ...CONTENT, pulseRate: 81, spo2: 91 },
    ]);
    // Frame 1 of packet 2 lost (its HR MSB): packet 2 gives nothing, packet 3 does.
    const lost = decode(concatBytes([...frames.slice(0, 25), ...frames.slice(26)]));
    expect(values(lost, PULSE)).toEqual([72, 81]);
    expect(values(lost, SPO2)).toEqual([97, 91]);
    // Packet 1 cut after frame 10, then packet 2 from its SYNC: early SYNC = restart.
    const early = decode(concatBytes([...frames.slice(0, 10), ...frames.slice(25)]));
    expect(values(early, PULSE)).toEqual([72, 80, 81]);
  });

  it('drops and counts a bad frame where one was due, and never decodes it', () => {
    const frames = packetStream(subject, [CONTENT, CONTENT]);
    const bad = frames[30].slice();
    bad[4] ^= 0x5a;
    const decoder = subject.createDecoder();
    const events = decoder.push(concatBytes([...frames.slice(0, 30), bad, ...frames.slice(31)]), T0);
    expect(
      events.filter((e) => e.kind === 'frame-error').map((e) => e.kind === 'frame-error' && e.code),
    ).toEqual(['checksum']);
    expect(normalize(events).samples).not.toContain(subject.plethOf(30));
    expect(normalize(events).samples).toHaveLength(49);
    expect(decoder.stats).toMatchObject({ frames: 49, dropped: 1, skippedBytes: 5 });
  });

  it('reports ACK/NAK bytes until three frames in a row lock the stream', () => {
    const f = packetStream(subject, [CONTENT]);
    const locked = decode(
      concatBytes([Uint8Array.of(0x15), f[0], f[1], f[2], Uint8Array.of(0x06), ...f.slice(3)]),
    );
    expect(normalize(locked).info).toEqual(['format-select=nak']);
    const unlocked = decode(concatBytes([Uint8Array.of(0x15), f[0], Uint8Array.of(0x06), ...f.slice(1)]));
    expect(normalize(unlocked).info).toEqual(['format-select=nak', 'format-select=ack']);
    expect(normalize(decode(Uint8Array.of(0x06))).info).toEqual(['format-select=ack']);
  });

  const frames = packetStream(subject, [CONTENT, { ...CONTENT, pulseRate: 64, spo2: 95 }], (i) =>
    i > 30 && i < 40 ? STATUS_BIT.marker | STATUS_BIT.sensorAlarm : STATUS_BIT.marker,
  );
  const stream = concatBytes(frames);
  const sampleEnds = frames.map((_, i) => (i + 1) * 5);
  const decodeSplit = (cuts: number[]) =>
    normalize(pushAll(subject.createDecoder(), splitStream(stream, cuts, sampleEnds, T0, PERIOD)));

  it('gives identical readings for a split at every byte boundary and random multi-splits', () => {
    const whole = decodeSplit([]);
    for (let cut = 1; cut < stream.length; cut++) expectSameOutput(decodeSplit([cut]), whole);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 60 }), (cuts) =>
        expectSameOutput(decodeSplit(cuts), whole),
      ),
      { numRuns: 300 },
    );
  });

  describePlethFuzz(subject, frames.slice(0, 16));
}
