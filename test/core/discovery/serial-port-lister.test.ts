import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PortWatcher } from '../../../src/core/discovery/port-watcher';
import { createSerialPortLister } from '../../../src/core/discovery/serial-port-lister';
import { listSysfsSerialPorts } from '../../../src/core/discovery/sysfs-serial-lister';
import type { SerialPortEntry } from '../../../src/core/transports/serialport-transport';
import { FakeSysfs } from './fake-sysfs';

let fake: FakeSysfs;
let emptyPath: string;
beforeEach(() => {
  fake = new FakeSysfs().usbPort('ttyUSB0', { idVendor: '10c4', idProduct: 'ea60', serial: 'A1' });
  emptyPath = mkdtempSync(join(tmpdir(), 'no-udevadm-'));
});
afterEach(() => {
  fake.remove();
  rmSync(emptyPath, { recursive: true, force: true });
});

/**
 * What `serialport` does on Linux (spawn `udevadm info -e`), on a PATH where udevadm is not: the
 * real "spawn udevadm ENOENT" from Node, whether or not this machine has udev.
 */
function udevadmMissing(calls: { count: number }) {
  return (): Promise<SerialPortEntry[]> => {
    calls.count += 1;
    return new Promise((resolve, reject) => {
      const udevadm = spawn('udevadm', ['info', '-e'], { env: { PATH: emptyPath }, stdio: 'ignore' });
      udevadm.once('error', reject);
      udevadm.once('close', () => resolve([]));
    });
  };
}

const fromFakeSysfs = () => listSysfsSerialPorts({ devDir: fake.devDir, sysDir: fake.sysDir });

describe('the serial port lister on a host without udevadm', () => {
  it('lists /dev/ttyUSB* from sysfs, warns once and stops spawning udevadm, over many polls', async () => {
    const spawns = { count: 0 };
    const warnings: string[] = [];
    const lister = createSerialPortLister({
      listWithUdev: udevadmMissing(spawns),
      listWithoutUdev: fromFakeSysfs,
      warn: (line) => warnings.push(line),
    });
    const watcher = new PortWatcher({ listers: [lister], log: (line) => warnings.push(line) });
    const appeared: string[] = [];
    watcher.onAppeared((port) => appeared.push(`${port.path} ${port.vendorId?.toString(16)}`));
    // Ten polls: 20 s of the station's 2 s polling.
    for (let poll = 0; poll < 10; poll += 1) await watcher.poll();

    expect(appeared).toEqual([`${join(fake.devDir, 'ttyUSB0')} 10c4`]);
    expect(spawns.count).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/udevadm not found/);
    expect(warnings[0]).not.toMatch(/ENOENT/);

    // A port plugged in later is found by the next poll, still without a word in the log.
    fake.usbPort('ttyACM0', { idVendor: '2341', idProduct: '0043' });
    await watcher.poll();
    expect(appeared).toHaveLength(2);
    expect(warnings).toHaveLength(1);
  });

  it('keeps using udev where it answers, and warns once per failure, not at every poll', async () => {
    let failure: Error | null = null;
    let sysfsCalls = 0;
    const warnings: string[] = [];
    const lister = createSerialPortLister({
      listWithUdev: () =>
        failure
          ? Promise.reject(failure)
          : Promise.resolve([
              {
                path: '/dev/ttyUSB0',
                vendorId: 0x10c4,
                productId: 0xea60,
                manufacturer: null,
                serialNumber: 'A1',
              },
            ]),
      listWithoutUdev: () => {
        sysfsCalls += 1;
        return fromFakeSysfs();
      },
      warn: (line) => warnings.push(line),
    });
    expect(await lister()).toEqual([
      { path: '/dev/ttyUSB0', transport: 'serial', vendorId: 0x10c4, productId: 0xea60, serialNumber: 'A1' },
    ]);
    failure = new Error('Error listing ports udevadm exited with error code: 1');
    for (let poll = 0; poll < 5; poll += 1) expect(await lister()).toEqual([]);
    expect(warnings).toEqual([
      'serial port listing failed: Error listing ports udevadm exited with error code: 1',
    ]);
    // Once it works again, a new failure is news again.
    failure = null;
    await lister();
    failure = new Error('Error listing ports udevadm exited with error code: 1');
    await lister();
    expect(warnings).toHaveLength(2);
    expect(sysfsCalls).toBe(0);
  });

  it('never throws, even when the fallback listing fails too', async () => {
    const warnings: string[] = [];
    const lister = createSerialPortLister({
      listWithUdev: udevadmMissing({ count: 0 }),
      listWithoutUdev: () => Promise.reject(new Error('EACCES: /dev')),
      warn: (line) => warnings.push(line),
    });
    for (let poll = 0; poll < 3; poll += 1) expect(await lister()).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(/udevadm not found/),
      'serial port listing failed: EACCES: /dev',
    ]);
  });
});
