import { STATUS_FLAGS, type StatusFlag } from '../../shared/domain/readings';

/**
 * PLX measurement status (u16) and device & sensor status (u24) bits, device-protocols §9, shared
 * by the spot-check (0x2A5E) and continuous (0x2A5F) characteristics.
 */
export const PLX_MEASUREMENT = {
  ongoing: 1 << 5,
  earlyEstimate: 1 << 6,
  validated: 1 << 7,
  fullyQualified: 1 << 8,
  fromStorage: 1 << 9,
  demo: 1 << 10,
  testing: 1 << 11,
  calibration: 1 << 12,
  unavailable: 1 << 13,
  questionable: 1 << 14,
  invalid: 1 << 15,
} as const;

export const PLX_DEVICE = {
  extendedDisplayUpdate: 1 << 0,
  equipmentMalfunction: 1 << 1,
  signalProcessingIrregularity: 1 << 2,
  inadequateSignal: 1 << 3,
  poorSignal: 1 << 4,
  lowPerfusion: 1 << 5,
  erraticSignal: 1 << 6,
  nonPulsatileSignal: 1 << 7,
  questionablePulse: 1 << 8,
  signalAnalysisOngoing: 1 << 9,
  sensorInterference: 1 << 10,
  sensorUnconnected: 1 << 11,
  unknownSensor: 1 << 12,
  sensorDisplaced: 1 << 13,
  sensorMalfunctioning: 1 << 14,
  sensorDisconnected: 1 << 15,
} as const;

/**
 * The device says its SpO2 and pulse are not a measurement: values become null (design §3).
 * "Measurement ongoing", "early estimate" and "validated" are routine (the Spezi vectors send
 * ongoing with valid values) and change nothing.
 */
export function plxValuesInvalid(measurementStatus: number): boolean {
  return (measurementStatus & (PLX_MEASUREMENT.unavailable | PLX_MEASUREMENT.invalid)) !== 0;
}

/** Which status flag each bit raises; several bits share a flag where the UI needs one word. */
const MEASUREMENT_FLAGS: readonly (readonly [number, StatusFlag])[] = [
  [PLX_MEASUREMENT.demo | PLX_MEASUREMENT.testing | PLX_MEASUREMENT.calibration, 'test-data'],
  [PLX_MEASUREMENT.questionable, 'questionable'],
];
const DEVICE_FLAGS: readonly (readonly [number, StatusFlag])[] = [
  [PLX_DEVICE.sensorDisplaced, 'probe-off'],
  [PLX_DEVICE.unknownSensor | PLX_DEVICE.sensorMalfunctioning, 'probe-error'],
  [PLX_DEVICE.signalAnalysisOngoing, 'searching'],
  [PLX_DEVICE.lowPerfusion, 'low-perfusion'],
  [
    PLX_DEVICE.signalProcessingIrregularity |
      PLX_DEVICE.erraticSignal |
      PLX_DEVICE.nonPulsatileSignal |
      PLX_DEVICE.questionablePulse |
      PLX_DEVICE.sensorInterference,
    'artifact',
  ],
  [PLX_DEVICE.sensorUnconnected | PLX_DEVICE.sensorDisconnected, 'sensor-disconnected'],
  [PLX_DEVICE.inadequateSignal | PLX_DEVICE.poorSignal, 'low-signal-quality'],
  [PLX_DEVICE.equipmentMalfunction, 'device-malfunction'],
];

/** Active flags in STATUS_FLAGS order (a stable order makes "did the set change" a string compare). */
export function plxStatusFlags(measurementStatus: number, deviceStatus: number): StatusFlag[] {
  // Cached per status pair: a device repeats the same few combinations once a second, and building
  // the list (a set, a filter over every flag) was most of a continuous value's decoding cost.
  const key = (measurementStatus & 0xffff) * 0x1000000 + (deviceStatus & 0xffffff);
  let flags = flagsByStatus.get(key);
  if (flags === undefined) {
    flags = buildFlags(measurementStatus, deviceStatus);
    if (flagsByStatus.size >= MAX_CACHED_STATUSES) flagsByStatus.clear();
    flagsByStatus.set(key, flags);
  }
  return flags.slice();
}

const MAX_CACHED_STATUSES = 256;
const flagsByStatus = new Map<number, readonly StatusFlag[]>();

function buildFlags(measurementStatus: number, deviceStatus: number): StatusFlag[] {
  const active = new Set<StatusFlag>();
  for (const [bits, flag] of MEASUREMENT_FLAGS) if (measurementStatus & bits) active.add(flag);
  for (const [bits, flag] of DEVICE_FLAGS) if (deviceStatus & bits) active.add(flag);
  if (active.size === 0) return [];
  return STATUS_FLAGS.filter((flag) => active.has(flag));
}
