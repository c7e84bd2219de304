import { readdir, readFile, realpath } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { DiscoveredPort } from './discovered-port';

export interface SysfsSerialListerOptions {
  /** Where the device nodes are: `/dev`. */
  readonly devDir?: string;
  /** Where sysfs is mounted: `/sys`. */
  readonly sysDir?: string;
}

/** The nodes of USB serial adapters (ttyUSB: usb-serial bridges; ttyACM: CDC ACM devices). */
const USB_SERIAL_NODE = /^tty(USB|ACM)\d+$/;
/** From a tty's device to its USB device: ttyUSB0 → interface → device (ACM: interface → device). */
const MAX_LEVELS_UP = 4;

/**
 * The USB serial ports of a Linux host without udev (containers, minimal images): the device nodes
 * in /dev, with the USB ids, serial number and names the kernel exposes under
 * /sys/class/tty/NAME/device when sysfs is there. A node whose sysfs entry is missing is still
 * listed, without ids: it can be opened and probed, only not matched to drivers by VID:PID.
 */
export async function listSysfsSerialPorts(
  options: SysfsSerialListerOptions = {},
): Promise<DiscoveredPort[]> {
  const devDir = options.devDir ?? '/dev';
  const sysDir = options.sysDir ?? '/sys';
  let names: string[];
  try {
    names = (await readdir(devDir)).filter((name) => USB_SERIAL_NODE.test(name));
  } catch {
    return [];
  }
  names.sort(byNodeNumber);
  return Promise.all(
    names.map(async (name): Promise<DiscoveredPort> => ({
      path: join(devDir, name),
      transport: 'serial',
      ...(await usbAttributesOf(name, sysDir)),
    })),
  );
}

type UsbAttributes = Pick<
  DiscoveredPort,
  'vendorId' | 'productId' | 'serialNumber' | 'manufacturer' | 'product'
>;

async function usbAttributesOf(name: string, sysDir: string): Promise<UsbAttributes> {
  let dir: string;
  try {
    dir = await realpath(join(sysDir, 'class', 'tty', name, 'device'));
  } catch {
    return {};
  }
  const root = await realpath(sysDir).catch(() => sysDir);
  for (let level = 0; level <= MAX_LEVELS_UP && isInside(dir, root); level += 1) {
    const vendorId = parseHexId(await attribute(dir, 'idVendor'));
    const productId = parseHexId(await attribute(dir, 'idProduct'));
    if (vendorId !== undefined && productId !== undefined) {
      const serialNumber = await attribute(dir, 'serial');
      const manufacturer = await attribute(dir, 'manufacturer');
      const product = await attribute(dir, 'product');
      return {
        vendorId,
        productId,
        ...(serialNumber !== undefined ? { serialNumber } : {}),
        ...(manufacturer !== undefined ? { manufacturer } : {}),
        ...(product !== undefined ? { product } : {}),
      };
    }
    dir = dirname(dir);
  }
  return {};
}

/** A sysfs attribute's text without its newline; undefined when absent or empty. */
async function attribute(dir: string, name: string): Promise<string | undefined> {
  try {
    const text = (await readFile(join(dir, name), 'utf8')).trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

function parseHexId(text: string | undefined): number | undefined {
  if (text === undefined || !/^[0-9a-fA-F]{4}$/.test(text)) return undefined;
  return Number.parseInt(text, 16);
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..');
}

/** ttyACM0, ttyACM1, ttyUSB0, ttyUSB2, ttyUSB10: by kind, then by number (not as text). */
function byNodeNumber(a: string, b: string): number {
  const kind = a.slice(0, 6).localeCompare(b.slice(0, 6));
  return kind !== 0 ? kind : Number(a.slice(6)) - Number(b.slice(6));
}
