import type { DeviceDriver } from '../driver';
import { NONIN_LINK } from '../nonin/constants';
import { createFormatSelectHost } from '../nonin/format-host';
import { selectFormat13 } from './commands';
import { FORMAT } from './constants';
import { NoninDf13Decoder } from './decoder';
import { createDf13Simulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';
import { NONIN_VALIDITY } from '../nonin/validity';

/**
 * Nonin 9560 (factory default) in data format #13: SmartPoint spot-check records, stored and
 * forwarded, each with the device's own date and time, at 9600 8N1. On open the station selects
 * format #13 and waits for ACK/NAK (createHost); `host` is the same request without waiting.
 */
export const noninDf13: DeviceDriver = {
  protocol: 'nonin-df13',
  name: 'Nonin pulse oximeter (data format #13, spot checks)',
  link: NONIN_LINK,
  createDecoder: (deviceId) => guardDecoder(new NoninDf13Decoder(deviceId), NONIN_VALIDITY),
  host: { onOpen: [selectFormat13()], onClose: [] },
  createHost: () => createFormatSelectHost(FORMAT),
  createSimulator: (options) => createDf13Simulator(options),
};

export { NoninDf13Decoder } from './decoder';
