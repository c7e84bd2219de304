/**
 * The renderer's one door to the pure BLE decoders in src/devices (neutral and pure: no Node, DOM
 * or I/O), so the rest of the Bluetooth feature depends on this file rather than on driver paths.
 */
export {
  BLE_HEALTH_SERVICES,
  bleProfilesForService,
  MeasurementMemory,
  type BleProfile,
} from '../../../devices/ble';
export type { Decoder, DecodeEvent } from '../../../devices/driver';
export { LOCAL_ZONE, type DeviceClockZone } from '../../../devices/bp/device-clock';
