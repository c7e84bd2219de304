import { noninDf2 } from '../../../src/devices/nonin-df2';
import { NoninDf2Decoder } from '../../../src/devices/nonin-df2/decoder';
import { encodeFrame } from '../../../src/devices/nonin-df2/device-encoder';
import { parseFrame } from '../../../src/devices/nonin-df2/frames';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { packetValues } from '../../../src/devices/nonin/packet';
import { packetFloats } from '../../../src/devices/nonin/packet-encoder';
import { STATUS_BIT } from '../../../src/devices/nonin/pleth-frame';
import { normalize } from '../support';
import { describePlethDecoder, packetStream } from '../nonin/pleth-suite';
import { expectPlethStreamMatchesSimulator, PULSE, SPO2, T0 } from '../nonin/support';

const subject = {
  createDecoder: () => new NoninDf2Decoder('nonin-df2@/dev/ttyUSB0'),
  encode: encodeFrame,
  plethOf: (i: number) => (i * 7 + 3) % 256,
};

describe('format #2 frames: document vectors (device-protocols §3.1, Pufferfish TestNoninOEM3)', () => {
  it.each([
    ['01 81 01 00 83', { sync: true, pleth: 1, float: 0 }],
    ['01 80 01 48 CA', { sync: false, pleth: 1, float: 0x48 }],
    ['01 80 01 61 E3', { sync: false, pleth: 1, float: 97 }],
    ['01 80 01 30 B2', { sync: false, pleth: 1, float: 0x30 }],
    ['01 80 01 00 82', { sync: false, pleth: 1, float: 0 }],
  ])('%s is a valid frame', (hex, fields) => {
    expect(parseFrame(hexToBytes(hex))).toMatchObject({ ...fields, sensorAlarm: false, artifact: false });
    expect(encodeFrame({ status: hexToBytes(hex)[1], pleth: fields.pleth, float: fields.float })).toEqual(
      hexToBytes(hex),
    );
  });
  it('01 81 02 00 00 fails the checksum; 01 7F 02 00 82 lacks STATUS bit 7; 02 … lacks the lead byte', () => {
    expect(parseFrame(hexToBytes('01 81 02 00 00'))).toMatchObject({ kind: 'frame-error', code: 'checksum' });
    expect(parseFrame(hexToBytes('01 7F 02 00 82'))).toMatchObject({
      kind: 'frame-error',
      code: 'malformed',
    });
    expect(parseFrame(hexToBytes('02 81 02 00 85'))).toMatchObject({
      kind: 'frame-error',
      code: 'malformed',
    });
    expect(parseFrame(hexToBytes('01 80 00 00 80'))).toMatchObject({ kind: 'frame-error', code: 'checksum' });
    expect(parseFrame(hexToBytes('01 80 00 00'))).toMatchObject({ kind: 'frame-error', code: 'malformed' });
  });
  it('01 80 43 94 58 (real 9560 capture, frame 4: SREV 0x94) is valid: FLOAT bit 7 is allowed', () => {
    // The document says FLOAT is 0..127 but reserved FLOAT bytes are "undefined (range of 0 to
    // 255)", and the device sends its firmware revision with bit 7 set.
    expect(parseFrame(hexToBytes('01 80 43 94 58'))).toMatchObject({ sync: false, pleth: 0x43, float: 0x94 });
  });
  it('the vectors as the first five frames of a packet give HR 72 and SpO2 97 (all -D and E- values too)', () => {
    const head = ['01 81 01 00 83', '01 80 01 48 CA', '01 80 01 61 E3', '01 80 01 30 B2', '01 80 01 00 82'];
    const floats = packetFloats({ pulseRate: 72, spo2: 97, timer: 0, lowBattery: false, smartPoint: false });
    expect(floats.slice(0, 5)).toEqual(head.map((h) => hexToBytes(h)[3]));
    const packet = [
      ...head.map(hexToBytes),
      ...floats.slice(5).map((float) => encodeFrame({ status: STATUS_BIT.marker, pleth: 1, float })),
    ];
    const out = normalize(new NoninDf2Decoder('d').push(concatBytes(packet), T0));
    expect(out.numerics.map((n) => [n.metric, n.value])).toEqual([
      [PULSE, 72],
      [SPO2, 97],
    ]);
    expect(packetValues(floats)).toEqual({
      pulseRate: 72,
      spo2: 97,
      softwareRevision: 0x30,
      timer: 0,
      smartPoint: false,
      lowBattery: false,
      spo2Display: 97,
      spo2Fast: 97,
      spo2BeatToBeat: 97,
      extendedPulseRate: 72,
      extendedSpo2: 97,
      extendedSpo2Display: 97,
      pulseRateDisplay: 72,
      extendedPulseRateDisplay: 72,
    });
  });
});

describe('NoninDf2Decoder', () => {
  describePlethDecoder(subject);
  it('pleth is the 8-bit PLETH byte at 75 Hz', () => {
    const frames = packetStream(subject, [
      { pulseRate: 60, spo2: 99, timer: 0, lowBattery: false, smartPoint: false },
    ]);
    const events = subject.createDecoder().push(concatBytes(frames), T0);
    const waves = events.flatMap((e) =>
      e.kind === 'reading' && e.reading.type === 'waveform' ? [e.reading] : [],
    );
    expect(waves).toHaveLength(1);
    expect(waves[0]).toMatchObject({ metric: 'MDC_PULS_OXIM_PLETH', unit: '1', rateHz: 75 });
    expect(waves[0].samples).toEqual(frames.map((f) => f[2]));
  });
});

describe('noninDf2 driver and simulator', () => {
  it('decoded simulator bytes reproduce the values the simulator encoded', () => {
    expectPlethStreamMatchesSimulator(noninDf2, 400, 3);
  });
  it('declares 9600 8N1 and selects format #2 on open', () => {
    expect(noninDf2.link).toEqual({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(noninDf2.host.onOpen).toEqual([hexToBytes('02 70 02 02 02 03')]);
    expect(noninDf2.createHost?.().open(0).writes).toEqual([hexToBytes('02 70 02 02 02 03')]);
  });
});
