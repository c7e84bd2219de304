import { BpRecordLedger } from '../../../src/devices/bp/record-ledger';
import { UTC_ZONE } from '../../../src/devices/bp/device-clock';
import { bytesToHex, hexToBytes } from '../../../src/devices/framing/hex';
import * as commands from '../../../src/devices/omron-hem-hid/commands';
import { OmronHemHidDecoder } from '../../../src/devices/omron-hem-hid/decoder';
import * as encoder from '../../../src/devices/omron-hem-hid/device-encoder';
import { parseMessage } from '../../../src/devices/omron-hem-hid/frames';

/**
 * Every example of the libomron protocol notes (openyou/libomron doc/omron_protocol_notes.asciidoc,
 * reference/device-protocols.md §5.1), byte for byte. The document's "XX" filler bytes are 0xEE
 * here, to show they are ignored.
 */
const hexes = (reports: Uint8Array[]) => reports.map(bytesToHex);
const decoderFor = () =>
  new OmronHemHidDecoder('omron-hem-hid@test', { ledger: new BpRecordLedger(), zone: UTC_ZONE });
const pushReports = (decoder: OmronHemHidDecoder, reports: string[]) =>
  reports.flatMap((r) => decoder.push(hexToBytes(r), 1000));

describe('Omron HID commands (document examples)', () => {
  it('VER00 is one report counting 5', () => {
    expect(hexes(commands.versionCommand())).toEqual(['05 56 45 52 30 30']);
  });
  it('GDC and GME for bank 0 follow libomron’s code: 7 + 1 bytes, check = XOR after the letters', () => {
    expect(hexes(commands.countCommand(0))).toEqual(['07 47 44 43 00 00 00 00', '01 00']);
    expect(hexes(commands.recordCommand(0, 0))).toEqual(['07 47 4D 45 00 00 00 00', '01 00']);
    expect(hexes(commands.recordCommand(1, 4))).toEqual(['07 47 4D 45 00 01 00 04', '01 05']);
  });
  it('END FF FF and the clearing block', () => {
    expect(hexes(commands.endCommand())).toEqual(['05 45 4E 44 FF FF']);
    expect(hexes(commands.clearingBlock([7, 5]))).toEqual(['07 00 00 00 00 00 00 00', '05 00 00 00 00 00']);
  });
  it('rejects an index that does not fit a byte', () => {
    expect(() => commands.recordCommand(0, 256)).toThrow(TypeError);
  });
});

describe('Omron HID replies (document examples)', () => {
  it('VER → "M7080IT 207", check 0x4A', () => {
    const events = pushReports(decoderFor(), [
      '07 4F 4B 00 4D 37 30 38',
      '07 30 49 54 20 32 30 37',
      '01 4A EE EE EE EE EE EE',
    ]);
    expect(events).toEqual([{ kind: 'device-info', key: 'version', value: 'M7080IT 207' }]);
    expect(bytesToHex(encoder.encodeVersion('M7080IT 207'))).toBe(
      '07 4F 4B 00 4D 37 30 38 07 30 49 54 20 32 30 37 01 4A 00 00 00 00 00 00',
    );
  });

  it('GDC → 8 records (count at reply byte 6)', () => {
    const events = pushReports(decoderFor(), ['07 4F 4B 00 00 0A 00 08', '01 02 EE EE EE EE EE EE']);
    expect(events).toEqual([{ kind: 'device-info', key: 'record-count', value: '8' }]);
    expect(bytesToHex(encoder.encodeCount(8))).toBe('07 4F 4B 00 00 0A 00 08 01 02 00 00 00 00 00 00');
  });

  it('GME → 2007-01-03 00:06:51, SYS 112, DIA 75, pulse 71 with the device time', () => {
    const events = pushReports(decoderFor(), [
      '07 4F 4B 00 07 01 03 00',
      '07 06 33 00 00 70 4B 47',
      '03 00 00 4C EE EE EE EE',
    ]);
    const time = '2007-01-03T00:06:51.000Z';
    const device = 'omron-hem-hid@test';
    expect(events).toEqual([
      // Reported at once (it drives the host); imported when the download ends — here, at once:
      // no count was announced, so this record is the last one.
      { kind: 'device-info', key: 'bp-record-downloaded', value: time },
      {
        kind: 'reading',
        reading: {
          type: 'numeric',
          device,
          metric: 'MDC_PRESS_BLD_NONINV_SYS',
          value: 112,
          unit: 'mm[Hg]',
          time,
        },
      },
      {
        kind: 'reading',
        reading: {
          type: 'numeric',
          device,
          metric: 'MDC_PRESS_BLD_NONINV_DIA',
          value: 75,
          unit: 'mm[Hg]',
          time,
        },
      },
      {
        kind: 'reading',
        reading: { type: 'numeric', device, metric: 'MDC_PULS_RATE_NON_INV', value: 71, unit: '/min', time },
      },
      { kind: 'device-info', key: 'bp-record', value: time },
    ]);
    const record = parseMessage(hexToBytes('4F 4B 00 07 01 03 00 06 33 00 00 70 4B 47 00 00 4C'));
    expect(record).toMatchObject({ kind: 'record', record: { flags: 0 } });
    if (record.kind !== 'record') throw new Error('not a record');
    expect(bytesToHex(encoder.encodeRecord(record.record))).toBe(
      '07 4F 4B 00 07 01 03 00 07 06 33 00 00 70 4B 47 03 00 00 4C 00 00 00 00',
    );
  });

  it('END → "OFF\\r\\n" in a report counting 7; "OK" and "NO" alone', () => {
    const decoder = decoderFor();
    expect(
      pushReports(decoder, ['07 4F 46 46 0D 0A EE EE', '02 4F 4B EE EE EE EE EE', '02 4E 4F 00 00 00 00 00']),
    ).toEqual([
      { kind: 'device-info', key: 'status', value: 'OFF' },
      { kind: 'device-info', key: 'status', value: 'OK' },
      { kind: 'device-info', key: 'status', value: 'NO' },
    ]);
    expect(bytesToHex(encoder.encodeOff())).toBe('07 4F 46 46 0D 0A 00 00');
    expect(decoder.stats).toEqual({ frames: 3, dropped: 0, skippedBytes: 0 });
  });

  it('skips the clearing block’s all-zero echo silently', () => {
    const decoder = decoderFor();
    expect(
      pushReports(decoder, ['07 00 00 00 00 00 00 00', '00 00 00 00 00 00 00 00', '02 4F 4B 00 00 00 00 00']),
    ).toEqual([{ kind: 'device-info', key: 'status', value: 'OK' }]);
    expect(decoder.stats.skippedBytes).toBe(0);
  });
});
