import type { SimulatorOptions } from '../driver';
import { NoninSimulator } from '../nonin/simulator';
import { FORMAT } from './constants';

/**
 * A Nonin 9560-like device for the #13 driver: in #13 (its factory format) from the start, it sends
 * its stored spot checks shortly after the connection, then a new one every few seconds, and ACKs
 * the station's "select format #13".
 */
export function createDf13Simulator(options: SimulatorOptions = {}): NoninSimulator {
  return new NoninSimulator({ ...options, driverFormat: FORMAT });
}
