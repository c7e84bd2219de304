import { noninDf7 } from '../../../src/devices/nonin-df7';
import { NoninDf7Decoder } from '../../../src/devices/nonin-df7/decoder';
import { encodeFrame } from '../../../src/devices/nonin-df7/device-encoder';
import { parseFrame } from '../../../src/devices/nonin-df7/frames';
import { concatBytes } from '../../../src/devices/framing/concat';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { heartRate } from '../../../src/devices/nonin/packet';
import { STATUS_BIT } from '../../../src/devices/nonin/pleth-frame';
import { describePlethDecoder, packetStream } from '../nonin/pleth-suite';
import { expectPlethStreamMatchesSimulator, T0 } from '../nonin/support';

const subject = {
  createDecoder: () => new NoninDf7Decoder('nonin-df7@/dev/ttyUSB0'),
  encode: encodeFrame,
  plethOf: (i: number) => 1000 + i * 613,
};

describe('format #7 frames (device-protocols §3.2; vectors DERIVED from the #2 rules)', () => {
  it('81 12 34 00 C7 → SYNC, pleth 0x1234, FLOAT 0; CHK = sum of bytes 1–4', () => {
    expect(parseFrame(hexToBytes('81 12 34 00 C7'))).toMatchObject({ sync: true, pleth: 0x1234, float: 0 });
    expect(encodeFrame({ status: 0x81, pleth: 0x1234, float: 0 })).toEqual(hexToBytes('81 12 34 00 C7'));
  });
  it('80 FF FF 48 C6 → pleth 65535 (pleth bytes may carry bit 7), FLOAT 0x48', () => {
    expect(parseFrame(hexToBytes('80 FF FF 48 C6'))).toMatchObject({
      sync: false,
      pleth: 65535,
      float: 0x48,
    });
  });
  it('rejects a bad checksum and a STATUS without bit 7; takes a FLOAT with bit 7 (SREV 0x94)', () => {
    expect(parseFrame(hexToBytes('81 12 34 00 C8'))).toMatchObject({ kind: 'frame-error', code: 'checksum' });
    expect(parseFrame(hexToBytes('01 12 34 00 47'))).toMatchObject({
      kind: 'frame-error',
      code: 'malformed',
    });
    // The real 9560 capture's SREV 0x94 (`01 80 43 94 58` in #2) carried in a #7 frame [DERIVED].
    expect(parseFrame(hexToBytes('80 00 43 94 57'))).toMatchObject({ pleth: 0x43, float: 0x94 });
  });
  it('combines HR as (MSB << 7) | LSB, not OpenICE’s << 8', () => {
    expect(heartRate(0x02, 0x2c)).toBe(300);
    expect(heartRate(0x03, 0x7f)).toBeNull();
  });
});

describe('NoninDf7Decoder', () => {
  describePlethDecoder(subject);
  it('pleth is the 16-bit MSB·256 + LSB at 75 Hz', () => {
    const frames = packetStream(subject, [
      { pulseRate: 60, spo2: 99, timer: 0, lowBattery: false, smartPoint: false },
    ]);
    const events = subject.createDecoder().push(concatBytes(frames), T0);
    const waves = events.flatMap((e) =>
      e.kind === 'reading' && e.reading.type === 'waveform' ? [e.reading] : [],
    );
    expect(waves).toHaveLength(1);
    expect(waves[0]).toMatchObject({ rateHz: 75 });
    expect(waves[0].samples).toEqual(frames.map((f) => f[1] * 256 + f[2]));
    expect(frames[0][0] & STATUS_BIT.sync).toBe(1);
  });
});

describe('noninDf7 driver and simulator', () => {
  it('decoded simulator bytes reproduce the values the simulator encoded', () => {
    expectPlethStreamMatchesSimulator(noninDf7, 400, 3);
  });
  it('declares 9600 8N1 and selects format #7 on open', () => {
    expect(noninDf7.link).toEqual({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(noninDf7.host.onOpen).toEqual([hexToBytes('02 70 02 02 07 03')]);
    expect(noninDf7.createHost?.().open(0).writes).toEqual([hexToBytes('02 70 02 02 07 03')]);
  });
});
