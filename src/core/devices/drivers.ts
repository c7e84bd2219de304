import type { DeviceDriver } from '../../devices/driver';
import { driverFor } from '../../devices/registry';

/** The registry's driver for a protocol id, or null: the one place core asks the registry. */
export function resolveDriver(protocol: string): DeviceDriver | null {
  return driverFor(protocol) ?? null;
}
