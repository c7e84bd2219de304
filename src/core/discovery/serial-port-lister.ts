import { listHidPorts } from '../transports/node-hid-transport';
import { listSerialPorts } from '../transports/serialport-transport';
import type { DiscoveredPort, PortLister } from './discovered-port';

/**
 * The serial ports the OS reports, as DiscoveredPorts. Never throws (PortLister contract): a failed
 * listing is a warning and an empty list.
 */
export const listSerialDiscoveredPorts: PortLister = async () => {
  let ports;
  try {
    ports = await listSerialPorts();
  } catch (error) {
    console.warn(`serial port listing failed: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
  return ports.map((port): DiscoveredPort => ({
    path: port.path,
    transport: 'serial' as const,
    ...(port.vendorId !== null ? { vendorId: port.vendorId } : {}),
    ...(port.productId !== null ? { productId: port.productId } : {}),
    ...(port.serialNumber !== null ? { serialNumber: port.serialNumber } : {}),
    ...(port.manufacturer !== null ? { manufacturer: port.manufacturer } : {}),
  }));
};

/** Every bus the station lists by default: serial ports and USB HID devices. */
export const DEFAULT_PORT_LISTERS: readonly PortLister[] = [listSerialDiscoveredPorts, () => listHidPorts()];
