import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beurerBm55Hid } from '../../src/devices/beurer-bm55-hid';
import { isHidLink, type DeviceDriver } from '../../src/devices/driver';
import { omronHemHid } from '../../src/devices/omron-hem-hid';
import { DRIVERS, USB_BRIDGES } from '../../src/devices/registry';

/**
 * The udev rules the .deb installs: every serial bridge and HID device the station knows gets a
 * seat ACL (uaccess) on the nodes our transports open, in a file udev reads before
 * 73-seat-late.rules. Checked against the driver registry, so a new VID:PID cannot be forgotten.
 */
const FILE = path.join(__dirname, '..', '..', 'assets', 'linux', '70-teleconsult-station.rules');
const text = readFileSync(FILE, 'utf8');
const rules = text
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

interface Rule {
  readonly matches: Map<string, string>;
  readonly assigns: Map<string, string>;
}
function parse(line: string): Rule {
  const matches = new Map<string, string>();
  const assigns = new Map<string, string>();
  for (const part of line.split(/,\s*/)) {
    const m = /^([A-Z]+(?:\{[A-Za-z_]+\})?)(==|\+=|:=|=)"([^"]*)"$/.exec(part);
    if (!m) throw new Error(`not a udev key: "${part}" in ${line}`);
    (m[2] === '==' ? matches : assigns).set(`${m[1]}${m[2] === '+=' ? '+' : ''}`, m[3]);
  }
  return { matches, assigns };
}
const parsed = rules.map(parse);
const hex = (id: number) => id.toString(16).padStart(4, '0');
const hidDevices = (): DeviceDriver[] =>
  [...DRIVERS, omronHemHid, beurerBm55Hid].filter((driver) => isHidLink(driver.link));

function rulesFor(subsystem: string, vendorId: number, productId: number): Rule[] {
  return parsed.filter((rule) => {
    const { matches } = rule;
    if (matches.get('SUBSYSTEM') !== subsystem) return false;
    const attr = subsystem === 'usb' ? 'ATTR' : 'ATTRS';
    return (
      matches.get(`${attr}{idVendor}`) === hex(vendorId) &&
      matches.get(`${attr}{idProduct}`) === hex(productId)
    );
  });
}

describe('assets/linux/70-teleconsult-station.rules', () => {
  it('sorts before 73-seat-late.rules, so uaccess takes effect', () => {
    const number = Number(/^(\d+)-/.exec(path.basename(FILE))?.[1]);
    expect(number).toBeLessThan(73);
  });

  it('is made of well-formed udev keys, every rule tagging uaccess, ids lower-case hex', () => {
    expect(parsed.length).toBeGreaterThan(0);
    for (const rule of parsed) {
      expect(rule.assigns.get('TAG+')).toBe('uaccess');
      for (const [key, value] of rule.matches) {
        if (/id(Vendor|Product)/.test(key)) expect(value).toMatch(/^[0-9a-f]{4}$/);
      }
      expect(['tty', 'usb', 'hidraw']).toContain(rule.matches.get('SUBSYSTEM'));
    }
  });

  it('covers every USB-serial bridge of the registry on the tty and usb subsystems', () => {
    expect(USB_BRIDGES.length).toBeGreaterThan(0);
    for (const bridge of USB_BRIDGES) {
      expect([bridge.name, rulesFor('tty', bridge.vendorId, bridge.productId)]).toEqual([
        bridge.name,
        [expect.anything()],
      ]);
      expect([bridge.name, rulesFor('usb', bridge.vendorId, bridge.productId)]).toEqual([
        bridge.name,
        [expect.anything()],
      ]);
    }
  });

  it('covers every HID driver on the hidraw and usb subsystems', () => {
    for (const driver of hidDevices()) {
      if (!isHidLink(driver.link)) continue;
      const { vendorId, productId } = driver.link;
      expect([driver.protocol, rulesFor('hidraw', vendorId, productId)]).toEqual([
        driver.protocol,
        [expect.anything()],
      ]);
      expect([driver.protocol, rulesFor('usb', vendorId, productId)]).toEqual([
        driver.protocol,
        [expect.anything()],
      ]);
    }
  });

  it('never makes a node world-writable', () => {
    for (const rule of parsed) expect(rule.assigns.get('MODE') ?? '0660').toMatch(/^0?6[0-6]0$/);
  });

  it('is installed by the .deb into /lib/udev/rules.d, with udev reloaded after install and removal', () => {
    const root = path.join(__dirname, '..', '..');
    const builder = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(builder).toContain(
      '- assets/linux/70-teleconsult-station.rules=/lib/udev/rules.d/70-teleconsult-station.rules',
    );
    for (const script of ['after-install.sh', 'after-remove.sh']) {
      expect(builder).toContain(`assets/linux/${script}`);
      const body = readFileSync(path.join(root, 'assets', 'linux', script), 'utf8');
      expect(body).toContain('udevadm control --reload-rules');
      // electron-builder fills ${name} macros and fails on unknown ones.
      for (const [, macro] of body.matchAll(/\$\{([a-zA-Z]+)\}/g)) {
        expect(['executable', 'sanitizedProductName']).toContain(macro);
      }
    }
  });
});
