import type { DeviceDriver } from './driver';
import { contecCms50Legacy } from './contec-cms50-legacy';
import { contecCms50V7 } from './contec-cms50-v7';

/** Every driver the station knows, in the order `station probe` tries them. */
export const DRIVERS: readonly DeviceDriver[] = [contecCms50V7, contecCms50Legacy];

export function driverFor(protocol: string): DeviceDriver | undefined {
  return DRIVERS.find((driver) => driver.protocol === protocol);
}

/**
 * USB-serial bridges (reference/device-protocols.md §1) and the drivers worth probing behind each.
 * A bridge sits in the cable of many unrelated devices, so a VID:PID match yields candidates to
 * probe in order, never a verdict. Bridges with no candidate yet are listed so the table is the
 * one place to extend when a driver for a device behind them lands.
 */
export interface UsbBridge {
  readonly name: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly candidates: readonly DeviceDriver[];
}

export const USB_BRIDGES: readonly UsbBridge[] = [
  // Contec cables carry a CP2102: try the two-way V7 protocol first, then the passive legacy stream.
  {
    name: 'Silicon Labs CP210x',
    vendorId: 0x10c4,
    productId: 0xea60,
    candidates: [contecCms50V7, contecCms50Legacy],
  },
  { name: 'Prolific PL2303', vendorId: 0x067b, productId: 0x2303, candidates: [] },
  { name: 'WCH CH340', vendorId: 0x1a86, productId: 0x7523, candidates: [] },
  { name: 'FTDI FT232R', vendorId: 0x0403, productId: 0x6001, candidates: [] },
  { name: 'FTDI FT231X / FT-X', vendorId: 0x0403, productId: 0x6015, candidates: [] },
];

export function candidatesForUsb(vendorId: number, productId: number): DeviceDriver[] {
  const bridge = USB_BRIDGES.find((b) => b.vendorId === vendorId && b.productId === productId);
  return bridge ? [...bridge.candidates] : [];
}
