import type { DeviceDriver } from '../driver';
import { requestDisplayedValues, stopDisplayedValues } from './commands';
import { BAUD_RATE, DEFAULT_INTERVAL_S } from './constants';
import { GeDatexS5Decoder } from './decoder';
import { GeDatexS5Host } from './host';
import { GeDatexS5Simulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';

/**
 * GE Datex-Ohmeda S/5 (AS/3, CS/3, S/5 and compatible) computer interface at 19200 8E1 with
 * RTS/CTS: the station requests the basic displayed values every `intervalS` seconds and decodes
 * each record the monitor sends back. `createGeDatexS5Driver` exists so tests can ask for a
 * shorter interval than the production 5 s.
 */
export function createGeDatexS5Driver(options: { intervalS?: number } = {}): DeviceDriver {
  const intervalS = options.intervalS ?? DEFAULT_INTERVAL_S;
  return {
    protocol: 'ge-datex-s5',
    name: 'GE Datex-Ohmeda S/5 monitor (computer interface)',
    link: { baudRate: BAUD_RATE, dataBits: 8, parity: 'even', stopBits: 1, rtscts: true },
    // No device ranges: no S/5 measurement-range specification was found in our sources, so the
    // metric table's plausible ranges apply (PROTOCOL.md "Validity").
    createDecoder: (deviceId) => guardDecoder(new GeDatexS5Decoder(deviceId)),
    host: { onOpen: [requestDisplayedValues(intervalS)], onClose: [stopDisplayedValues()] },
    createHost: () => new GeDatexS5Host(intervalS),
    createSimulator: (simulatorOptions) => new GeDatexS5Simulator(simulatorOptions),
  };
}

export const geDatexS5: DeviceDriver = createGeDatexS5Driver();

export { GeDatexS5Decoder } from './decoder';
export { GeDatexS5Host } from './host';
export { GeDatexS5Simulator, type GeDatexS5SimulatorOptions } from './simulator';
export * as geDatexS5Commands from './commands';
