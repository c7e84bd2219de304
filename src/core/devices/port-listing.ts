import { candidatesForUsb } from '../../devices/registry';
import { listSerialPorts, type SerialPortEntry } from '../transports/serialport-transport';

/** A serial port the OS reports, with the protocols whose drivers may match its USB ids. */
export interface ListedPort extends SerialPortEntry {
  readonly candidates: readonly string[];
}

/** Serial ports with their candidate drivers (VID:PID lookup in the registry): `station devices`. */
export async function listPortsWithCandidates(): Promise<ListedPort[]> {
  const ports = await listSerialPorts();
  return ports.map((port) => ({
    ...port,
    candidates:
      port.vendorId === null || port.productId === null
        ? []
        : candidatesForUsb(port.vendorId, port.productId).map((driver) => driver.protocol),
  }));
}
