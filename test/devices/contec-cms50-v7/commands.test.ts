import * as commands from '../../../src/devices/contec-cms50-v7/commands';
import { contecCms50V7 } from '../../../src/devices/contec-cms50-v7';
import { bytesToHex } from '../../../src/devices/framing/hex';

const hex = (bytes: Uint8Array) => bytesToHex(bytes);

describe('V7 commands (host → device)', () => {
  it.each([
    ['stop storage', commands.stopStorageData(), '7D 81 A7 80 80 80 80 80 80'],
    ['stop real-time', commands.stopRealtime(), '7D 81 A2 80 80 80 80 80 80'],
    ['start real-time', commands.startRealtime(), '7D 81 A1 80 80 80 80 80 80'],
    ['keep-alive', commands.keepAlive(), '7D 81 AF 80 80 80 80 80 80'],
    ['device id', commands.askDeviceId(), '7D 81 AA 80 80 80 80 80 80'],
    ['version', commands.askVersion(), '7D 81 A0 80 80 80 80 80 80'],
    ['PI support', commands.askPiSupport(), '7D 81 AC 80 80 80 80 80 80'],
    ['storage notice', commands.askStorageNotice(), '7D 81 B0 80 80 80 80 80 80'],
    [
      'set date 2025-11-25 Tue',
      commands.setDate({ year: 2025, month: 11, day: 25, weekday: 2 }),
      '7D 81 B2 94 99 8B 99 82 80',
    ],
    ['set time 14:30:15', commands.setTime(14, 30, 15), '7D 81 B1 8E 9E 8F 80 80 80'],
    ['download user 0 segment 0', commands.sendStorageData(0, 0), '7D 81 A6 80 80 80 80 80 80'],
    ['delete all of user 1', commands.encodeCommand(0xae, [1, 0xff]), '7D 85 AE 81 FF 80 80 80 80'],
    ['set device id', commands.setDeviceId('user'), '04 80 F5 F3 E5 F2 A0 A0 A0'],
  ])('%s', (_name, bytes, expected) => {
    expect(hex(bytes)).toBe(expected);
  });

  it('rejects impossible commands with a TypeError', () => {
    expect(() => commands.encodeCommand(0x21)).toThrow(TypeError);
    expect(() => commands.encodeCommand(0xa1, [1, 2, 3, 4, 5, 6, 7])).toThrow(TypeError);
    expect(() => commands.encodeCommand(0xa1, [256])).toThrow(TypeError);
    expect(() => commands.setTime(24, 0, 0)).toThrow(/hour/);
    expect(() => commands.setDate({ year: 2025, month: 13, day: 1, weekday: 0 })).toThrow(/month/);
  });

  it('the driver opens with A7, A2, AA, A1, keeps alive with AF every 5 s and closes with A2', () => {
    expect(contecCms50V7.host.onOpen.map(hex)).toEqual([
      '7D 81 A7 80 80 80 80 80 80',
      '7D 81 A2 80 80 80 80 80 80',
      '7D 81 AA 80 80 80 80 80 80',
      '7D 81 A1 80 80 80 80 80 80',
    ]);
    expect(contecCms50V7.host.keepAlive?.intervalMs).toBe(5000);
    expect(hex(contecCms50V7.host.keepAlive!.bytes)).toBe('7D 81 AF 80 80 80 80 80 80');
    expect(contecCms50V7.host.onClose.map(hex)).toEqual(['7D 81 A2 80 80 80 80 80 80']);
    expect(contecCms50V7.link).toEqual({ baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1 });
  });
});
