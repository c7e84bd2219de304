import type { DeviceDriver } from '../driver';
import { NONIN_LINK } from '../nonin/constants';
import { createFormatSelectHost } from '../nonin/format-host';
import { selectFormat2 } from './commands';
import { FORMAT } from './constants';
import { NoninDf2Decoder } from './decoder';
import { createDf2Simulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';
import { NONIN_VALIDITY } from '../nonin/validity';

/**
 * Nonin 9560 / OEM III / 3150 / Xpod in data format #2: 75 frames a second with an 8-bit pleth,
 * HR and SpO2 once per 25-frame packet, at 9600 8N1. On open the station selects format #2 and
 * waits for ACK/NAK (createHost); `host` is the same request without waiting, for sessions that
 * only run fixed scripts.
 */
export const noninDf2: DeviceDriver = {
  protocol: 'nonin-df2',
  name: 'Nonin pulse oximeter (data format #2)',
  link: NONIN_LINK,
  createDecoder: (deviceId) => guardDecoder(new NoninDf2Decoder(deviceId), NONIN_VALIDITY),
  host: { onOpen: [selectFormat2()], onClose: [] },
  createHost: () => createFormatSelectHost(FORMAT),
  createSimulator: (options) => createDf2Simulator(options),
};

export { NoninDf2Decoder } from './decoder';
