import type { DeviceDriver } from '../driver';
import { BAUD_RATE, DEFAULT_ADC_BITS, MAX_ADC_BITS } from './constants';
import { Ad8232Decoder } from './decoder';
import { Ad8232Simulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';

export interface Ad8232Options {
  /** 9600 as in SparkFun's sketch (default); many clone sketches use 115200. */
  readonly baudRate?: number;
  /** ADC resolution of the board (10 on AVR Arduinos, the default): values above 2^bits − 1 are errors. */
  readonly adcBits?: number;
}

/**
 * AD8232 single-lead ECG boards read by an Arduino sketch that prints one ADC value per line
 * (`!` while a lead is off). One-way: nothing to send. The samples are raw ADC counts (unit `1`,
 * generic lead MDC_ECG_ELEC_POTL): no source gives the board's transfer function to mV.
 * Throws a TypeError on a bad baud rate or ADC resolution.
 */
export function createAd8232AsciiDriver(options: Ad8232Options = {}): DeviceDriver {
  const baudRate = options.baudRate ?? BAUD_RATE;
  const adcBits = options.adcBits ?? DEFAULT_ADC_BITS;
  if (!Number.isInteger(baudRate) || baudRate <= 0) {
    throw new TypeError(`AD8232 baud rate must be a positive integer, got ${baudRate}`);
  }
  if (!Number.isInteger(adcBits) || adcBits < 1 || adcBits > MAX_ADC_BITS) {
    throw new TypeError(`AD8232 ADC resolution must be 1..${MAX_ADC_BITS} bits, got ${adcBits}`);
  }
  const maxAdcCount = 2 ** adcBits - 1;
  return {
    protocol: 'ad8232-ascii',
    name: 'AD8232 ECG (Arduino text stream)',
    link: { baudRate, dataBits: 8, parity: 'none', stopBits: 1 },
    createDecoder: (deviceId) => guardDecoder(new Ad8232Decoder(deviceId, maxAdcCount)),
    host: { onOpen: [], onClose: [] },
    createSimulator: (simulatorOptions) => new Ad8232Simulator(simulatorOptions),
  };
}

export const ad8232Ascii: DeviceDriver = createAd8232AsciiDriver();

export { Ad8232Decoder, AD8232_METRIC } from './decoder';
export { Ad8232Simulator, type Ad8232SimulatorOptions } from './simulator';
