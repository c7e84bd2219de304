import type { ProtocolId } from '../../shared/protocols';
import type { Decoder } from '../driver';
import type { BleDecodeFunction, BleDecodeOptions } from './ble-decoded';
import { decodeBloodPressure, decodeIntermediateCuffPressure } from './blood-pressure';
import { BleCharacteristicDecoder, type StatusPolicy } from './characteristic-decoder';
import { MeasurementMemory } from './measurement-memory';
import { decodeHeartRate } from './heart-rate';
import { decodePlxContinuous } from './plx-continuous';
import { decodePlxSpotCheck } from './plx-spot';
import { decodeTemperature } from './temperature';
import { BLE_CHARACTERISTIC, BLE_SERVICE } from './uuids';
import { guardDecoder } from '../validity/guarded-decoder';

/**
 * One standard GATT characteristic we read, and how. This is not a `DeviceDriver`: a driver has a
 * serial or HID link, a host script and a byte-stream simulator, and a Bluetooth characteristic has
 * none of them (the renderer's Web Bluetooth glue owns the link; the value framing is the GATT's).
 * Forcing BLE into that contract would mean fake link settings the device manager would try to open.
 */
export interface BleProfile {
  readonly protocol: ProtocolId;
  /** Human name for the device panel. */
  readonly name: string;
  readonly service: string;
  readonly characteristic: string;
  /** Indications (confirmed) for measurements a device may have stored; notifications for streams. */
  readonly delivery: 'notify' | 'indicate';
  /**
   * One value, one measurement (BP result, thermometer, spot check): a re-sent stored value is
   * dropped as a duplicate (measurement-memory.ts). False for streams.
   */
  readonly episodic: boolean;
  /** `deviceId` becomes the `device` field of every reading. */
  createDecoder(deviceId: string, options?: BleDecoderOptions): Decoder;
}

export interface BleDecoderOptions extends BleDecodeOptions {
  /**
   * The memory of episodic measurements already taken. The caller that owns the connections passes
   * one that outlives them (a reconnect makes a new decoder); default: this decoder's own, so a
   * value re-sent within one connection still adds nothing. Drivers keep no module state.
   */
  readonly measurementMemory?: MeasurementMemory;
}

type Kind = { readonly status: StatusPolicy; readonly episodic: boolean };
const STREAM: Kind = { status: 'on-change', episodic: false };
const MEASUREMENT: Kind = { status: 'every-value', episodic: true };
/** The intermediate cuff pressure: a live status per value, nothing stored. */
const PROGRESS: Kind = { status: 'every-value', episodic: false };

function profile<Fields>(
  protocol: ProtocolId,
  name: string,
  service: string,
  characteristic: string,
  delivery: 'notify' | 'indicate',
  decode: BleDecodeFunction<Fields>,
  kind: Kind,
): BleProfile {
  return {
    protocol,
    name,
    service,
    characteristic,
    delivery,
    episodic: kind.episodic,
    createDecoder: (deviceId, options = {}) => {
      const episodic = kind.episodic ? (options.measurementMemory ?? new MeasurementMemory()) : undefined;
      const policy = { status: kind.status, episodic };
      return guardDecoder(new BleCharacteristicDecoder(deviceId, decode, policy, options));
    },
  };
}

export const BLE_PROFILES: readonly BleProfile[] = [
  profile(
    'ble-heart-rate',
    'Heart rate sensor',
    BLE_SERVICE.heartRate,
    BLE_CHARACTERISTIC.heartRateMeasurement,
    'notify',
    decodeHeartRate,
    STREAM,
  ),
  profile(
    'ble-blood-pressure',
    'Blood pressure monitor',
    BLE_SERVICE.bloodPressure,
    BLE_CHARACTERISTIC.bloodPressureMeasurement,
    'indicate',
    decodeBloodPressure,
    MEASUREMENT,
  ),
  // Same protocol id: the cuff pressure is the same device's measurement in progress.
  profile(
    'ble-blood-pressure',
    'Blood pressure monitor',
    BLE_SERVICE.bloodPressure,
    BLE_CHARACTERISTIC.intermediateCuffPressure,
    'notify',
    decodeIntermediateCuffPressure,
    PROGRESS,
  ),
  profile(
    'ble-plx-continuous',
    'Pulse oximeter',
    BLE_SERVICE.pulseOximeter,
    BLE_CHARACTERISTIC.plxContinuousMeasurement,
    'notify',
    decodePlxContinuous,
    STREAM,
  ),
  profile(
    'ble-plx-spot',
    'Pulse oximeter (spot check)',
    BLE_SERVICE.pulseOximeter,
    BLE_CHARACTERISTIC.plxSpotCheckMeasurement,
    'indicate',
    decodePlxSpotCheck,
    MEASUREMENT,
  ),
  profile(
    'ble-temperature',
    'Thermometer',
    BLE_SERVICE.healthThermometer,
    BLE_CHARACTERISTIC.temperatureMeasurement,
    'indicate',
    decodeTemperature,
    MEASUREMENT,
  ),
];

/** The services to ask Web Bluetooth for, each once. */
export const BLE_HEALTH_SERVICES: readonly string[] = [...new Set(BLE_PROFILES.map((p) => p.service))];

export function bleProfilesForService(service: string): BleProfile[] {
  const wanted = service.toLowerCase();
  return BLE_PROFILES.filter((p) => p.service === wanted);
}
