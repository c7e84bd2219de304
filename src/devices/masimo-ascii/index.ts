import type { DeviceDriver } from '../driver';
import { BAUD_RATE } from './constants';
import { MasimoAsciiDecoder } from './decoder';
import { MasimoAsciiSimulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';
import { MASIMO_VALIDITY } from './validity';

/**
 * Masimo Rad-8 / Radical-7 serial output in "ASCII 1" mode: one text line a second at 9600 8N1,
 * no handshake, over the monitor's RS-232 port (a USB-serial adapter and a null-modem cable on the
 * station side). One-way: nothing to send; the mode is chosen on the monitor's menu.
 */
export const masimoAscii: DeviceDriver = {
  protocol: 'masimo-ascii',
  name: 'Masimo Rad-8 / Radical-7 (ASCII 1 serial output)',
  link: { baudRate: BAUD_RATE, dataBits: 8, parity: 'none', stopBits: 1 },
  createDecoder: (deviceId) => guardDecoder(new MasimoAsciiDecoder(deviceId), MASIMO_VALIDITY),
  host: { onOpen: [], onClose: [] },
  createSimulator: (options) => new MasimoAsciiSimulator(options),
};

export { MasimoAsciiDecoder } from './decoder';
export { MasimoAsciiSimulator, type MasimoSimulatorOptions } from './simulator';
