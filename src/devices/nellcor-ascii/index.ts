import type { DeviceDriver } from '../driver';
import { BAUD_RATE } from './constants';
import { NellcorAsciiDecoder } from './decoder';
import { NellcorAsciiSimulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';

/**
 * Nellcor N-595 (and NPB-290) real-time serial output: text lines at 9600 8N1 over the monitor's
 * RS-232 port (a USB-serial adapter on the station side). One-way: nothing to send.
 */
export const nellcorAscii: DeviceDriver = {
  protocol: 'nellcor-ascii',
  name: 'Nellcor N-595 / NPB-290 (ASCII serial output)',
  link: { baudRate: BAUD_RATE, dataBits: 8, parity: 'none', stopBits: 1 },
  // No device range: the N-595 manual's specification table was not found in our sources, so the
  // metric table's broad bounds apply (PROTOCOL.md, Validity).
  createDecoder: (deviceId) => guardDecoder(new NellcorAsciiDecoder(deviceId)),
  host: { onOpen: [], onClose: [] },
  createSimulator: (options) => new NellcorAsciiSimulator(options),
};

export { NellcorAsciiDecoder } from './decoder';
export { NellcorAsciiSimulator } from './simulator';
