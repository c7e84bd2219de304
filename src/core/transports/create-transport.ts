import { isHidLink, type LinkSettings } from '../../devices/driver';
import { createSerialTransport } from './serialport-transport';
import { TransportError, type ByteTransport } from './transport';

/** The transport a driver's link asks for: a serial port, or (once its adapter lands) a USB HID device. */
export function createDeviceTransport(
  path: string,
  link: LinkSettings,
  now: () => number = Date.now,
): ByteTransport {
  if (isHidLink(link)) throw new TransportError('open-failed', `no HID transport for ${path} yet`);
  return createSerialTransport(path, link, now);
}
