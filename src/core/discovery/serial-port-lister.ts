import { listHidPorts } from '../transports/node-hid-transport';
import { listSerialPorts, type SerialPortEntry } from '../transports/serialport-transport';
import type { DiscoveredPort, PortLister } from './discovered-port';
import { listSysfsSerialPorts } from './sysfs-serial-lister';

export interface SerialPortListerOptions {
  /** The OS listing (`serialport`, which runs `udevadm info -e` on Linux). */
  readonly listWithUdev?: () => Promise<readonly SerialPortEntry[]>;
  /** What a Linux host without `udevadm` lists instead: /dev nodes, ids from sysfs. */
  readonly listWithoutUdev?: () => Promise<DiscoveredPort[]>;
  readonly warn?: (line: string) => void;
}

/**
 * The serial ports the OS reports, as DiscoveredPorts. Never throws (PortLister contract): a failed
 * listing is a warning and an empty list. The port watcher polls every 2 s, so a failure is
 * warned once, not at every poll, until a listing succeeds again.
 *
 * On Linux, `serialport` lists ports by spawning `udevadm`. A host without udev (a container, a
 * minimal image) has none: from the first "spawn udevadm ENOENT" on, the ports are listed from /dev
 * and sysfs instead, for the rest of the run (udev does not appear while the station runs, and
 * spawning a missing program every 2 s only fills the log).
 */
export function createSerialPortLister(options: SerialPortListerOptions = {}): PortLister {
  const listWithUdev = options.listWithUdev ?? listSerialPorts;
  const listWithoutUdev = options.listWithoutUdev ?? (() => listSysfsSerialPorts());
  const warn = options.warn ?? ((line: string) => console.warn(line));
  let udevMissing = false;
  let lastWarning: string | null = null;
  const warnOnce = (line: string): void => {
    if (line !== lastWarning) warn(line);
    lastWarning = line;
  };

  return async () => {
    try {
      const ports = udevMissing ? await listWithoutUdev() : (await listWithUdev()).map(toDiscoveredPort);
      lastWarning = null;
      return ports;
    } catch (error) {
      if (!udevMissing && isMissingUdevadm(error)) {
        udevMissing = true;
        warn(
          'serial port listing: udevadm not found (no udev on this host); listing /dev/ttyUSB* and ' +
            '/dev/ttyACM* with the USB ids sysfs gives instead',
        );
        return listWithoutUdevQuietly();
      }
      warnOnce(`serial port listing failed: ${messageOf(error)}`);
      return [];
    }
  };

  async function listWithoutUdevQuietly(): Promise<DiscoveredPort[]> {
    try {
      return await listWithoutUdev();
    } catch (error) {
      warnOnce(`serial port listing failed: ${messageOf(error)}`);
      return [];
    }
  }
}

/** Node's error for spawning a program that is not on the PATH: "spawn udevadm ENOENT". */
function isMissingUdevadm(error: unknown): boolean {
  // Duck-typed, not `instanceof Error`: errors from another realm (a worker, a test VM) count too.
  if (typeof error !== 'object' || error === null) return false;
  const { code, path, message } = error as Partial<NodeJS.ErrnoException>;
  return code === 'ENOENT' && (path === 'udevadm' || String(message).includes('spawn udevadm'));
}

function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
}

function toDiscoveredPort(port: SerialPortEntry): DiscoveredPort {
  return {
    path: port.path,
    transport: 'serial' as const,
    ...(port.vendorId !== null ? { vendorId: port.vendorId } : {}),
    ...(port.productId !== null ? { productId: port.productId } : {}),
    ...(port.serialNumber !== null ? { serialNumber: port.serialNumber } : {}),
    ...(port.manufacturer !== null ? { manufacturer: port.manufacturer } : {}),
  };
}

/** The station's serial lister: one per process, so "udevadm missing" is found and said once. */
export const listSerialDiscoveredPorts: PortLister = createSerialPortLister();

/** Every bus the station lists by default: serial ports and USB HID devices. */
export const DEFAULT_PORT_LISTERS: readonly PortLister[] = [listSerialDiscoveredPorts, () => listHidPorts()];
