import { resolveDriver } from '../core/devices/drivers';
import type { DeviceDriver } from '../devices/driver';
import { PROTOCOL_IDS, isProtocolId } from '../shared/protocols';
import { UsageError } from './args';

/** The driver for `--protocol`, or a usage error listing the ids that have one. */
export function driverOrUsageError(protocol: string): DeviceDriver {
  const driver = isProtocolId(protocol) ? resolveDriver(protocol) : null;
  if (driver) return driver;
  const available = PROTOCOL_IDS.filter((id) => resolveDriver(id) !== null);
  const reason = isProtocolId(protocol) ? 'has no driver yet' : 'is not a known protocol id';
  throw new UsageError(
    `protocol ${JSON.stringify(protocol)} ${reason}; available: ${available.join(', ') || 'none'}`,
  );
}
