import type { DeviceInfo } from '../../../shared/domain/devices';
import { deviceNameOf } from '../../../shared/i18n/device-names';
import type { Locale } from '../../../shared/i18n';

/**
 * Which device groups the screen shows: every device the backend has a session for (even before
 * its first reading, so a connecting or failed device is visible), plus any device seen only in
 * readings (a Bluetooth device submitted by the browser). Backend devices first, sorted by id,
 * so groups never jump around as readings arrive.
 */
export interface DeviceGroupEntry {
  readonly id: string;
  readonly info: DeviceInfo | undefined;
  /**
   * Fed by a simulator, when known without a DeviceInfo (the doctor's page learns it from the
   * station over the call): the group says SIMULATED.
   */
  readonly simulated?: boolean;
}

export function listDeviceGroups(
  devices: readonly DeviceInfo[],
  readingDeviceIds: readonly string[],
): DeviceGroupEntry[] {
  const known = new Set(devices.map((device) => device.id));
  const extra = [...new Set(readingDeviceIds)].filter((id) => !known.has(id)).sort();
  return [
    ...[...devices].sort((a, b) => a.id.localeCompare(b.id)).map((info) => ({ id: info.id, info })),
    ...extra.map((id) => ({ id, info: undefined })),
  ];
}

/** A readable name for a device: the driver's name, else the protocol part of its id. */
export function deviceDisplayName(id: string, info: DeviceInfo | undefined, locale: Locale): string {
  // The catalogue's name in the screen's language first; a driver's own name only for a protocol
  // the catalogue does not know (a replay).
  const named = deviceNameOf(info?.protocol ?? id, locale) ?? deviceNameOf(id, locale);
  if (named !== null) return named;
  if (info !== undefined && info.name !== '') return info.name;
  return info?.protocol ?? id.split('@')[0] ?? id;
}
