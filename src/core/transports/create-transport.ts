import { isHidLink, type LinkSettings } from '../../devices/driver';
import { createHidTransport } from './node-hid-transport';
import { createSerialTransport } from './serialport-transport';
import type { ByteTransport } from './transport';

/** The transport a driver's link asks for: a serial port, or a USB HID device. */
export function createDeviceTransport(
  path: string,
  link: LinkSettings,
  now: () => number = Date.now,
): ByteTransport {
  if (isHidLink(link)) return createHidTransport(path, link, now);
  return createSerialTransport(path, link, now);
}
