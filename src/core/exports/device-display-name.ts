import type { ConsultationDetail } from '../../shared/domain/consultation';
import { deviceNameOf } from '../../shared/i18n/device-names';

/**
 * A device's name as every export prints it, in the export's language, from the devices catalogue:
 * by its id (which keeps a Bluetooth device's advertised name), then by the protocol the record
 * stored; only a device of no known protocol (a replay, a test) keeps the name the record stored.
 */
export function deviceDisplayName(
  devices: ConsultationDetail['devices'],
  deviceId: string,
  language: 'en' | 'fr',
): string {
  const listed = devices.find((d) => d.id === deviceId);
  return (
    deviceNameOf(deviceId, language) ??
    (listed === undefined ? null : deviceNameOf(listed.protocol, language)) ??
    listed?.name ??
    deviceId
  );
}
