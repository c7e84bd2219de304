import type { SimulatorOptions } from '../driver';
import { NoninSimulator } from '../nonin/simulator';
import { FORMAT } from './constants';

/**
 * A Nonin 9560-like device for the #8 driver. Out of the box it is in its factory format (#13) and
 * switches to #8 when the station selects it; `autoStart` starts it already in #8 (a device
 * configured earlier: the format persists in its memory).
 */
export function createDf8Simulator(options: SimulatorOptions = {}): NoninSimulator {
  return new NoninSimulator({ ...options, driverFormat: FORMAT });
}
