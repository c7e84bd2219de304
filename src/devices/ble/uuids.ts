/**
 * Bluetooth SIG assigned numbers for the health profiles we decode (device-protocols §9;
 * market-and-standards §C4). A 16-bit assigned number expands to a 128-bit UUID on the Bluetooth
 * base UUID; Web Bluetooth accepts the full lower-case form everywhere, so that is what we store.
 */
export function bluetoothUuid(assignedNumber: number): string {
  return `0000${assignedNumber.toString(16).padStart(4, '0')}-0000-1000-8000-00805f9b34fb`;
}

export const BLE_SERVICE = {
  healthThermometer: bluetoothUuid(0x1809),
  heartRate: bluetoothUuid(0x180d),
  bloodPressure: bluetoothUuid(0x1810),
  pulseOximeter: bluetoothUuid(0x1822),
} as const;

export const BLE_CHARACTERISTIC = {
  temperatureMeasurement: bluetoothUuid(0x2a1c),
  bloodPressureMeasurement: bluetoothUuid(0x2a35),
  intermediateCuffPressure: bluetoothUuid(0x2a36),
  heartRateMeasurement: bluetoothUuid(0x2a37),
  plxSpotCheckMeasurement: bluetoothUuid(0x2a5e),
  plxContinuousMeasurement: bluetoothUuid(0x2a5f),
} as const;
