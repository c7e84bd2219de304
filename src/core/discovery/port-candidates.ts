import { isHidLink, type DeviceDriver } from '../../devices/driver';
import { DRIVERS, candidatesForUsb } from '../../devices/registry';
import type { DiscoveredPort } from './discovered-port';

/**
 * The drivers worth probing on a discovered port, most likely first. A USB-serial bridge is in the
 * cable of many devices, so its VID:PID gives candidates, never a verdict; an HID device's VID:PID
 * is its own, so it selects the HID drivers declaring it. A port with no USB ids (a motherboard
 * RS-232 port, a pty) has no candidates: it is probed only on request, with every serial driver.
 */
export function candidatesForPort(
  port: DiscoveredPort,
  drivers: readonly DeviceDriver[] = DRIVERS,
): DeviceDriver[] {
  const { vendorId, productId } = port;
  if (vendorId === undefined || productId === undefined) return [];
  if (port.transport === 'hid') {
    return drivers.filter(
      (driver) =>
        isHidLink(driver.link) && driver.link.vendorId === vendorId && driver.link.productId === productId,
    );
  }
  return candidatesForUsb(vendorId, productId).filter((driver) => !isHidLink(driver.link));
}

/** What `station probe` tries on a port: its registry candidates first, then every other driver on its bus. */
export function probeOrderForPort(
  port: DiscoveredPort,
  drivers: readonly DeviceDriver[] = DRIVERS,
): DeviceDriver[] {
  const first = candidatesForPort(port, drivers);
  const sameBus = drivers.filter((driver) => isHidLink(driver.link) === (port.transport === 'hid'));
  return [...first, ...sameBus.filter((driver) => !first.includes(driver))];
}
