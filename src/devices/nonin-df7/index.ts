import type { DeviceDriver } from '../driver';
import { NONIN_LINK } from '../nonin/constants';
import { createFormatSelectHost } from '../nonin/format-host';
import { selectFormat7 } from './commands';
import { FORMAT } from './constants';
import { NoninDf7Decoder } from './decoder';
import { createDf7Simulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';
import { NONIN_VALIDITY } from '../nonin/validity';

/**
 * Nonin 9560 / OEM III / 3150 / Xpod in data format #7: 75 frames a second with a 16-bit pleth,
 * HR and SpO2 once per 25-frame packet, at 9600 8N1. On open the station selects format #7 and
 * waits for ACK/NAK (createHost); `host` is the same request without waiting, for sessions that
 * only run fixed scripts.
 */
export const noninDf7: DeviceDriver = {
  protocol: 'nonin-df7',
  name: 'Nonin pulse oximeter (data format #7)',
  link: NONIN_LINK,
  createDecoder: (deviceId) => guardDecoder(new NoninDf7Decoder(deviceId), NONIN_VALIDITY),
  host: { onOpen: [selectFormat7()], onClose: [] },
  createHost: () => createFormatSelectHost(FORMAT),
  createSimulator: (options) => createDf7Simulator(options),
};

export { NoninDf7Decoder } from './decoder';
