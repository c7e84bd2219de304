import { candidatesForUsb, DRIVERS, driverFor, USB_BRIDGES } from '../../src/devices/registry';
import { isProtocolId } from '../../src/shared/protocols';

describe('device registry', () => {
  it('finds drivers by protocol id', () => {
    expect(driverFor('contec-cms50-v7')?.name).toMatch(/V7/);
    expect((driverFor('contec-cms50-legacy')?.link as { baudRate?: number } | undefined)?.baudRate).toBe(
      19200,
    );
    expect(driverFor('nope')).toBeUndefined();
    expect(DRIVERS.every((d) => isProtocolId(d.protocol))).toBe(true);
    expect(new Set(DRIVERS.map((d) => d.protocol)).size).toBe(DRIVERS.length);
  });
  it('a CP210x bridge yields the Contec candidates, V7 first; RS-232 adapters the monitor protocols', () => {
    expect(candidatesForUsb(0x10c4, 0xea60).map((d) => d.protocol)).toEqual([
      'contec-cms50-v7',
      'contec-cms50-legacy',
    ]);
    expect(candidatesForUsb(0x067b, 0x2303).map((d) => d.protocol)).toContain('philips-intellivue-mib');
    expect(candidatesForUsb(0x0403, 0x6015)[0]?.protocol).toBe('openbci-cyton');
    expect(candidatesForUsb(0x1a86, 0x7523).map((d) => d.protocol)).toContain('ad8232-ascii');
    expect(candidatesForUsb(0x1234, 0x5678)).toEqual([]);
    expect(candidatesForUsb(0x0590, 0x0028).map((d) => d.protocol)).toEqual(['omron-hem-hid']);
    expect(candidatesForUsb(0x0c45, 0x7406).map((d) => d.protocol)).toEqual(['beurer-bm55-hid']);
    expect(USB_BRIDGES.map((b) => b.vendorId.toString(16))).toEqual(['10c4', '67b', '1a86', '403', '403']);
  });
});
