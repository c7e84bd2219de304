import type { CheckItem } from '../../shared/domain/equipment-check';
import type { DeviceInfo } from '../../shared/domain/devices';
import { checkItem } from '../../shared/domain/equipment-check';

/**
 * One item per device the backend manages: present and streaming, with the age of its last
 * reading. An unplugged device fails; a permission problem fails with the udev fix on Linux.
 */
export const UDEV_FIX =
  'Install the station udev rules: sudo cp assets/linux/70-teleconsult-station.rules /etc/udev/rules.d/ && sudo udevadm control --reload-rules && sudo udevadm trigger, then unplug and replug the device (the .deb package installs them for you).';

export const OTHER_OS_PERMISSION_FIX =
  'Close any other program that uses the device, then unplug and replug it; on Windows, check the driver in Device Manager.';

export interface DeviceCheckOptions {
  readonly nowMs: number;
  /** Readings older than this are stale even while the device still says streaming. */
  readonly staleAfterMs: number;
  readonly platform?: NodeJS.Platform;
}

export function deviceChecks(devices: readonly DeviceInfo[], options: DeviceCheckOptions): CheckItem[] {
  if (devices.length === 0) {
    return [
      checkItem({
        id: 'devices.none',
        category: 'devices',
        status: 'skipped',
        code: 'none',
        title: 'Medical devices',
        detail: 'No medical device is connected.',
        fix: 'Plug in the devices used in consultations; they connect by themselves.',
      }),
    ];
  }
  return devices.map((device) => deviceItem(device, options));
}

function deviceItem(device: DeviceInfo, options: DeviceCheckOptions): CheckItem {
  const id = `devices.${device.id}`;
  const title = `${device.name}${device.simulated ? ' (SIMULATED)' : ''}`;
  const ageMs = device.lastReadingAt === null ? null : Math.max(0, options.nowMs - device.lastReadingAt);
  const age = ageMs === null ? 'no reading yet' : `last reading ${formatAge(ageMs)} ago`;
  const measured = {
    path: device.path,
    protocol: device.protocol,
    state: device.state,
    simulated: device.simulated,
    ...(ageMs === null ? {} : { lastReadingAgeS: Math.round(ageMs / 100) / 10 }),
  };
  const base = { id, category: 'devices' as const, title, measured };
  if (device.error?.code === 'permission-denied') {
    return checkItem({
      ...base,
      status: 'fail',
      code: 'permission-denied',
      detail: `${device.path}: permission denied.`,
      fix: (options.platform ?? process.platform) === 'linux' ? UDEV_FIX : OTHER_OS_PERMISSION_FIX,
    });
  }
  switch (device.state) {
    case 'streaming':
      if (ageMs !== null && ageMs > options.staleAfterMs) {
        return checkItem({
          ...base,
          status: 'warn',
          code: 'stale',
          detail: `Connected on ${device.path}, ${age}.`,
          fix: 'Check that the sensor is on the patient and the device is switched on.',
        });
      }
      return checkItem({
        ...base,
        status: 'pass',
        code: 'streaming',
        detail: `Streaming on ${device.path}, ${age}.`,
      });
    case 'no-data':
      return checkItem({
        ...base,
        status: 'warn',
        code: 'no-data',
        detail: `Connected on ${device.path}, but no data arrives (${age}).`,
        fix: 'Switch the device on and put the sensor on the patient (or a finger) to test it.',
      });
    case 'connecting':
      return checkItem({
        ...base,
        status: 'warn',
        code: 'connecting',
        detail: `Still connecting on ${device.path}.`,
        fix: 'Wait a few seconds and run the check again.',
      });
    case 'disconnected':
      return checkItem({
        ...base,
        status: 'fail',
        code: 'disconnected',
        detail: `${device.path} is gone: the device is unplugged or switched off (${age}).`,
        fix: 'Plug the device back in (check the cable at both ends) and switch it on; it reconnects by itself.',
      });
    case 'error':
      return checkItem({
        ...base,
        status: 'fail',
        code: 'error',
        detail: `${device.path}: ${device.error?.message ?? 'error'}.`,
        fix: 'Unplug and replug the device; if it persists, restart the station.',
      });
  }
}

export function formatAge(ms: number): string {
  if (ms < 1000) return 'less than 1 s';
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
