/**
 * Bluetooth LE GATT health profiles (device-protocols §9): pure decoders for one characteristic
 * value each, and the table that says which service/characteristic each protocol id reads.
 */
export {
  BLE_HEALTH_SERVICES,
  BLE_PROFILES,
  bleProfilesForService,
  type BleDecoderOptions,
  type BleProfile,
} from './profiles';
export { MeasurementMemory } from './measurement-memory';
export {
  BleCharacteristicDecoder,
  DUPLICATE_MEASUREMENT_INFO,
  type CharacteristicPolicy,
  type StatusPolicy,
} from './characteristic-decoder';
export type { BleDecoded, BleDecodeOptions, BleDecodeResult } from './ble-decoded';
export { decodeHeartRate, type HeartRateMeasurement } from './heart-rate';
export {
  decodeBloodPressure,
  decodeIntermediateCuffPressure,
  type BloodPressureMeasurement,
  type IntermediateCuffPressure,
} from './blood-pressure';
export { decodePlxContinuous, type PlxContinuousMeasurement } from './plx-continuous';
export { decodePlxSpotCheck, type PlxSpotCheckMeasurement } from './plx-spot';
export { decodeTemperature, type TemperatureMeasurement } from './temperature';
export { BLE_CHARACTERISTIC, BLE_SERVICE, bluetoothUuid } from './uuids';
