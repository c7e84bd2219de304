import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type { CheckItem } from '../../shared/domain/equipment-check';
import type { DeviceDriver } from '../../devices/driver';
import type { ListedPort } from '../devices/port-listing';
import type { ProbeResult } from '../devices/probe/probe-result';
import { checkItem } from '../../shared/domain/equipment-check';
import { OTHER_OS_PERMISSION_FIX, UDEV_FIX } from './device-checks';

/**
 * `station check` has no running backend: it looks at the ports the OS lists (those whose USB ids
 * match a driver) and at the paths named on the command line, checks each can be opened, and
 * with a probe says which protocol answers. A named path that is missing fails: that is what an
 * unplugged device looks like from here.
 */
export interface PortTarget {
  readonly path: string;
  /** The protocol expected there: probed with that driver only. */
  readonly drivers: readonly DeviceDriver[];
  /** Named on the command line (a missing one fails) rather than found in the listing. */
  readonly explicit: boolean;
  readonly label?: string;
}

export interface PortCheckDeps {
  readonly probe?: (path: string, drivers: readonly DeviceDriver[]) => Promise<ProbeResult>;
  readonly platform?: NodeJS.Platform;
}

export function targetsFromListing(
  ports: readonly ListedPort[],
  driversOf: (port: ListedPort) => DeviceDriver[],
): PortTarget[] {
  return ports
    .filter((port) => port.candidates.length > 0)
    .map((port) => ({
      path: port.path,
      drivers: driversOf(port),
      explicit: false,
      label: [port.manufacturer, port.product].filter(Boolean).join(' ') || undefined,
    }));
}

export async function portChecks(targets: readonly PortTarget[], deps: PortCheckDeps): Promise<CheckItem[]> {
  if (targets.length === 0) {
    return [
      checkItem({
        id: 'devices.none',
        category: 'devices',
        status: 'skipped',
        code: 'none',
        title: 'Medical devices',
        detail: 'No port with a known medical device was found.',
        fix: 'Plug the devices in, or name a port with --device PATH[=PROTOCOL].',
      }),
    ];
  }
  return Promise.all(targets.map((target) => portItem(target, deps)));
}

async function portItem(target: PortTarget, deps: PortCheckDeps): Promise<CheckItem> {
  const id = `devices.${target.path}`;
  const title = target.label ?? `Device on ${target.path}`;
  const permissionFix = (deps.platform ?? process.platform) === 'linux' ? UDEV_FIX : OTHER_OS_PERMISSION_FIX;
  const isWindowsPort = /^COM\d+$/i.test(target.path);
  if (!isWindowsPort) {
    try {
      await stat(target.path);
    } catch {
      return checkItem({
        id,
        category: 'devices',
        status: 'fail',
        code: 'not-found',
        title,
        detail: `${target.path} does not exist: the device is unplugged or switched off.`,
        fix: 'Plug the device in (check the cable at both ends) and switch it on.',
        measured: { path: target.path },
      });
    }
    try {
      await access(target.path, constants.R_OK | constants.W_OK);
    } catch {
      return checkItem({
        id,
        category: 'devices',
        status: 'fail',
        code: 'permission-denied',
        title,
        detail: `${target.path} exists but this user may not open it.`,
        fix: permissionFix,
        measured: { path: target.path },
      });
    }
  }
  if (deps.probe === undefined || target.drivers.length === 0) {
    return checkItem({
      id,
      category: 'devices',
      status: 'pass',
      code: 'present',
      title,
      detail: `${target.path} is present and can be opened${deps.probe === undefined ? ' (add --probe to hear it)' : ''}.`,
      measured: { path: target.path },
    });
  }
  const result = await deps.probe(target.path, target.drivers);
  if (result.outcome === 'found') {
    return checkItem({
      id,
      category: 'devices',
      status: 'pass',
      code: 'streaming',
      title: `${result.name}`,
      detail: `${target.path}: ${result.protocol} answered in ${(result.elapsedMs / 1000).toFixed(1)} s.`,
      measured: { path: target.path, protocol: result.protocol },
    });
  }
  if (result.outcome === 'error') {
    const denied = result.error.code === 'permission-denied';
    return checkItem({
      id,
      category: 'devices',
      status: 'fail',
      code: denied ? 'permission-denied' : result.error.code,
      title,
      detail: `${target.path}: ${result.error.message}.`,
      fix: denied
        ? permissionFix
        : 'Close any other program using the port, then unplug and replug the device.',
      measured: { path: target.path },
    });
  }
  return checkItem({
    id,
    category: 'devices',
    status: target.explicit ? 'fail' : 'warn',
    code: 'no-data',
    title,
    detail: `${target.path} opened, but no known protocol answered: ${result.message}.`,
    fix: 'Switch the device on and put the sensor on the patient (or a finger); check it is a supported model.',
    measured: { path: target.path },
  });
}
