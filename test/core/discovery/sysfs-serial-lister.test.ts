import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { listSysfsSerialPorts } from '../../../src/core/discovery/sysfs-serial-lister';
import { FakeSysfs } from './fake-sysfs';

let fake: FakeSysfs;
beforeEach(() => {
  fake = new FakeSysfs();
});
afterEach(() => fake.remove());

const CP2102 = {
  idVendor: '10c4',
  idProduct: 'ea60',
  serial: '0001',
  manufacturer: 'Silicon Labs',
  product: 'CP2102 USB to UART Bridge Controller',
};

describe('listSysfsSerialPorts (a host without udev)', () => {
  it('lists the ttyUSB and ttyACM nodes with the USB ids and names sysfs gives', async () => {
    fake
      .usbPort('ttyUSB0', CP2102)
      .usbPort('ttyACM0', { idVendor: '2341', idProduct: '0043', manufacturer: 'Arduino (www.arduino.cc)' })
      .node('ttyS0')
      .node('tty1')
      .node('ttyUSB')
      .node('ttyUSB0.lock');
    const ports = await listSysfsSerialPorts({ devDir: fake.devDir, sysDir: fake.sysDir });
    expect(ports).toEqual([
      {
        path: join(fake.devDir, 'ttyACM0'),
        transport: 'serial',
        vendorId: 0x2341,
        productId: 0x0043,
        manufacturer: 'Arduino (www.arduino.cc)',
      },
      {
        path: join(fake.devDir, 'ttyUSB0'),
        transport: 'serial',
        vendorId: 0x10c4,
        productId: 0xea60,
        serialNumber: '0001',
        manufacturer: 'Silicon Labs',
        product: 'CP2102 USB to UART Bridge Controller',
      },
    ]);
  });

  it('still lists a node whose sysfs entry is missing or has no USB device above it, without ids', async () => {
    fake.node('ttyUSB1').platformPort('ttyACM3');
    const ports = await listSysfsSerialPorts({ devDir: fake.devDir, sysDir: fake.sysDir });
    expect(ports).toEqual([
      { path: join(fake.devDir, 'ttyACM3'), transport: 'serial' },
      { path: join(fake.devDir, 'ttyUSB1'), transport: 'serial' },
    ]);
  });

  it('lists the nodes with no sysfs at all (not mounted in a container), in number order', async () => {
    for (const name of ['ttyUSB10', 'ttyUSB2', 'ttyACM1', 'ttyUSB0']) fake.node(name);
    rmSync(fake.sysDir, { recursive: true });
    const ports = await listSysfsSerialPorts({ devDir: fake.devDir, sysDir: fake.sysDir });
    expect(ports.map((port) => port.path)).toEqual(
      ['ttyACM1', 'ttyUSB0', 'ttyUSB2', 'ttyUSB10'].map((name) => join(fake.devDir, name)),
    );
  });

  it('ignores ids that are not four hex digits, and answers an empty list when /dev cannot be read', async () => {
    fake.usbPort('ttyUSB0', { idVendor: 'zz', idProduct: '1' });
    const [port] = await listSysfsSerialPorts({ devDir: fake.devDir, sysDir: fake.sysDir });
    expect(port).toEqual({ path: join(fake.devDir, 'ttyUSB0'), transport: 'serial' });
    await expect(
      listSysfsSerialPorts({ devDir: join(fake.root, 'nope'), sysDir: fake.sysDir }),
    ).resolves.toEqual([]);
  });
});
