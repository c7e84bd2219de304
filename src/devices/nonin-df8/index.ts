import type { DeviceDriver } from '../driver';
import { NONIN_LINK } from '../nonin/constants';
import { createFormatSelectHost } from '../nonin/format-host';
import { selectFormat8 } from './commands';
import { FORMAT } from './constants';
import { NoninDf8Decoder } from './decoder';
import { createDf8Simulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';
import { NONIN_VALIDITY } from '../nonin/validity';

/**
 * Nonin 9560 / OEM III / 3150 / Xpod in data format #8: one 4-byte frame a second with the display
 * HR and SpO2 and the status bits, no waveform, at 9600 8N1. On open the station selects format #8
 * and waits for ACK/NAK (createHost); `host` is the same request without waiting.
 */
export const noninDf8: DeviceDriver = {
  protocol: 'nonin-df8',
  name: 'Nonin pulse oximeter (data format #8)',
  link: NONIN_LINK,
  createDecoder: (deviceId) => guardDecoder(new NoninDf8Decoder(deviceId), NONIN_VALIDITY),
  host: { onOpen: [selectFormat8()], onClose: [] },
  createHost: () => createFormatSelectHost(FORMAT),
  createSimulator: (options) => createDf8Simulator(options),
};

export { NoninDf8Decoder } from './decoder';
