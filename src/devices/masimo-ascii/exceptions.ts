import type { StatusFlag } from '../../shared/domain/readings';
import { EXC } from './constants';

/**
 * EXC bits → status flags. Two bits name the same kind of condition for the station
 * (interference and ambient light both corrupt the signal: `artifact`; a defective and an
 * unrecognized sensor both mean the sensor cannot be used: `probe-error`). SET mode (0x800) is a
 * mode, not a condition; reserved and unknown bits are decoded but not shown.
 */
const EXCEPTION_FLAGS: readonly (readonly [number, StatusFlag])[] = [
  [EXC.sensorOff, 'probe-off'],
  [EXC.defectiveSensor, 'probe-error'],
  [EXC.unrecognizedSensor, 'probe-error'],
  [EXC.pulseSearch, 'searching'],
  [EXC.lowPerfusion, 'low-perfusion'],
  [EXC.interference, 'artifact'],
  [EXC.ambientLight, 'artifact'],
  [EXC.noSensor, 'sensor-disconnected'],
  [EXC.lowSignalIq, 'low-signal-quality'],
];

/** The EXC bits that map to a flag: a change elsewhere (SET mode) is no status change. */
export const CONDITION_BITS = EXCEPTION_FLAGS.reduce((mask, [bit]) => mask | bit, 0);

/** The flags for `exceptions`, each once, in the order above (STATUS_FLAGS order). */
export function exceptionFlags(exceptions: number): StatusFlag[] {
  const flags: StatusFlag[] = [];
  for (const [bit, flag] of EXCEPTION_FLAGS) {
    if (exceptions & bit && !flags.includes(flag)) flags.push(flag);
  }
  return flags;
}
