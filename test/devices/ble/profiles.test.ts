import { BLE_HEALTH_SERVICES, BLE_PROFILES, bleProfilesForService } from '../../../src/devices/ble/profiles';
import { BLE_CHARACTERISTIC, BLE_SERVICE, bluetoothUuid } from '../../../src/devices/ble/uuids';
import { hexToBytes } from '../../../src/devices/framing/hex';
import { isProtocolId } from '../../../src/shared/protocols';

const T0 = Date.UTC(2026, 10, 25, 17, 0, 0);
const byCharacteristic = (uuid: string) => BLE_PROFILES.find((p) => p.characteristic === uuid)!;

describe('BLE_PROFILES', () => {
  it('covers the five protocol ids and the six standard characteristics, on the SIG UUIDs', () => {
    expect(bluetoothUuid(0x180d)).toBe('0000180d-0000-1000-8000-00805f9b34fb');
    expect(new Set(BLE_PROFILES.map((p) => p.protocol))).toEqual(
      new Set([
        'ble-heart-rate',
        'ble-blood-pressure',
        'ble-plx-continuous',
        'ble-plx-spot',
        'ble-temperature',
      ]),
    );
    for (const p of BLE_PROFILES) expect(isProtocolId(p.protocol)).toBe(true);
    expect(BLE_PROFILES.map((p) => p.characteristic).sort()).toEqual(
      Object.values(BLE_CHARACTERISTIC).sort(),
    );
    expect([...BLE_HEALTH_SERVICES].sort()).toEqual(Object.values(BLE_SERVICE).sort());
    expect(bleProfilesForService(BLE_SERVICE.bloodPressure.toUpperCase()).map((p) => p.delivery)).toEqual([
      'indicate',
      'notify',
    ]);
  });
});

describe('BleCharacteristicDecoder', () => {
  it('a heart-rate stream sends its status on change only, and again after reset', () => {
    const decoder = byCharacteristic(BLE_CHARACTERISTIC.heartRateMeasurement).createDecoder(
      'ble-heart-rate@H',
    );
    const kinds = (hex: string, i: number) =>
      decoder
        .push(hexToBytes(hex), T0 + i * 1000)
        .map((e) => (e.kind === 'reading' ? e.reading.type : e.kind));
    expect(kinds('06 48', 0)).toEqual(['status', 'numeric']);
    expect(kinds('06 49', 1)).toEqual(['numeric']);
    expect(kinds('04 00', 2)).toEqual(['status', 'numeric']); // contact lost
    expect(kinds('04', 3)).toEqual(['frame-error']);
    decoder.reset();
    expect(kinds('04 00', 4)).toEqual(['status', 'numeric']);
    expect(decoder.stats).toEqual({ frames: 4, dropped: 1, skippedBytes: 0, outOfRange: 0 });
  });

  it('a cuff sends a status with every value, so a result clears "measuring"', () => {
    const cuff = 'ble-blood-pressure@BP';
    const intermediate = byCharacteristic(BLE_CHARACTERISTIC.intermediateCuffPressure).createDecoder(cuff);
    const result = byCharacteristic(BLE_CHARACTERISTIC.bloodPressureMeasurement).createDecoder(cuff);
    const statuses = [
      ...intermediate.push(hexToBytes('00 96 00 FF 07 FF 07'), T0),
      ...intermediate.push(hexToBytes('00 A0 00 FF 07 FF 07'), T0 + 200),
      ...result.push(hexToBytes('00 79 00 50 00 5F 00'), T0 + 400),
      ...result.push(hexToBytes('00 78 00 50 00 5F 00'), T0 + 600),
    ].flatMap((e) => (e.kind === 'reading' && e.reading.type === 'status' ? [e.reading.flags] : []));
    expect(statuses).toEqual([['measuring'], ['measuring'], [], []]);
  });

  it('passes the UTC offset to the Date Time fields, and stamps arrival times to the millisecond', () => {
    const decoder = byCharacteristic(BLE_CHARACTERISTIC.temperatureMeasurement).createDecoder('t@x', {
      utcOffsetMinutes: 120,
    });
    const [stamped] = decoder.push(hexToBytes('02 6E 01 00 FF EA 07 0B 19 11 00 00'), T0);
    expect(stamped).toMatchObject({ reading: { time: '2026-11-25T15:00:00.000Z' } });
    const [arrival] = decoder.push(hexToBytes('00 6E 01 00 FF'), T0 + 12.4);
    expect(arrival).toMatchObject({ reading: { time: '2026-11-25T17:00:00.012Z' } });
  });
});
