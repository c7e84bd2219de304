import type { DeviceDriver } from '../driver';
import { BAUD_RATE } from './constants';
import { Cms50LegacyDecoder } from './decoder';
import { Cms50LegacySimulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';

/**
 * Older Contec CMS50D+/E units and OEM modules: a one-way 5-byte live stream at 19200 8O1 with
 * XON/XOFF, as atbrask's and OSCAR's tools open it. Nothing to send: the device streams on its own.
 */
export const contecCms50Legacy: DeviceDriver = {
  protocol: 'contec-cms50-legacy',
  name: 'Contec CMS50 pulse oximeter (legacy stream)',
  link: { baudRate: BAUD_RATE, dataBits: 8, parity: 'odd', stopBits: 1, xonxoff: true },
  // No device range: no Contec specification with measurement ranges was found in our sources, so
  // the metric table's broad bounds apply (PROTOCOL.md, Validity).
  createDecoder: (deviceId) => guardDecoder(new Cms50LegacyDecoder(deviceId)),
  host: { onOpen: [], onClose: [] },
  createSimulator: (options) => new Cms50LegacySimulator(options),
};

export { Cms50LegacyDecoder } from './decoder';
export { Cms50LegacySimulator } from './simulator';
