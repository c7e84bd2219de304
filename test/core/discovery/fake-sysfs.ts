import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** A USB device as sysfs shows it: the attributes of its directory under /sys/devices. */
export interface FakeUsbDevice {
  readonly idVendor: string;
  readonly idProduct: string;
  readonly serial?: string;
  readonly manufacturer?: string;
  readonly product?: string;
}

/**
 * A folder shaped like a Linux host's /dev and /sys for USB serial ports, so the sysfs lister runs
 * on real files and symlinks without depending on this machine's devices. Layout as the kernel
 * makes it: /sys/class/tty/NAME/device is a symlink into /sys/devices, to the usb-serial port
 * (ttyUSB: …/1-2/1-2:1.0/ttyUSB0) or to the interface (ttyACM: …/1-3/1-3:1.0), below the USB device
 * directory holding idVendor, idProduct, serial, manufacturer and product.
 */
export class FakeSysfs {
  readonly root = mkdtempSync(join(tmpdir(), 'fake-sysfs-'));
  readonly devDir = join(this.root, 'dev');
  readonly sysDir = join(this.root, 'sys');
  private nextPort = 2;

  constructor() {
    mkdirSync(this.devDir);
    mkdirSync(join(this.sysDir, 'class', 'tty'), { recursive: true });
  }

  /** A /dev node (a plain file: the lister only reads names). */
  node(name: string): this {
    writeFileSync(join(this.devDir, name), '');
    return this;
  }

  /** A USB serial port: its /dev node, its USB device in /sys/devices and the class/tty link. */
  usbPort(name: string, device: FakeUsbDevice): this {
    this.node(name);
    const usbDevice = join(
      this.sysDir,
      'devices',
      'pci0000:00',
      '0000:00:14.0',
      'usb1',
      `1-${this.nextPort}`,
    );
    const iface = join(usbDevice, `1-${this.nextPort}:1.0`);
    this.nextPort += 1;
    const ttyDevice = name.startsWith('ttyUSB') ? join(iface, name) : iface;
    mkdirSync(ttyDevice, { recursive: true });
    for (const [key, value] of Object.entries(device)) writeFileSync(join(usbDevice, key), `${value}\n`);
    // The interface has ids of its own kind (bInterfaceClass…), never idVendor: the walk goes past it.
    writeFileSync(join(iface, 'bInterfaceClass'), '02\n');
    const classDir = join(this.sysDir, 'class', 'tty', name);
    mkdirSync(classDir);
    symlinkSync(relative(classDir, ttyDevice), join(classDir, 'device'));
    return this;
  }

  /** A tty that sysfs knows with no USB device above it (a motherboard UART). */
  platformPort(name: string): this {
    this.node(name);
    const device = join(this.sysDir, 'devices', 'platform', 'serial8250', name);
    mkdirSync(device, { recursive: true });
    const classDir = join(this.sysDir, 'class', 'tty', name);
    mkdirSync(classDir);
    symlinkSync(relative(classDir, device), join(classDir, 'device'));
    return this;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
