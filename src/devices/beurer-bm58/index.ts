import type { DeviceDriver } from '../driver';
import { handshake } from './commands';
import { BpRecordLedger } from '../bp/record-ledger';
import { BAUD_RATE } from './constants';
import { BeurerBm58Decoder } from './decoder';
import { BeurerBm58Host } from './host';
import { BeurerBm58Simulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';

/** The process-wide ledger of the default driver: a replug never re-imports; the core may snapshot it. */
export const bm58ImportedRecords = new BpRecordLedger();

/**
 * Beurer BM58 / BM65 blood-pressure monitors (and other "Andon KD001"-based OEM units) over
 * their USB-serial PC cable at 4800 8N1: a command/response download of the stored measurements,
 * imported by the rule of ../bp (first download: the newest only; later: only newer ones) with
 * their own date and time. The device clock has no time zone:
 * `utcOffsetMinutes` says which zone it was set in (default UTC).
 */
export function createBeurerBm58Driver(
  options: { utcOffsetMinutes?: number; ledger?: BpRecordLedger } = {},
): DeviceDriver {
  const ledger = options.ledger ?? bm58ImportedRecords;
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
  return {
    protocol: 'beurer-bm58',
    name: 'Beurer BM58 / BM65 blood-pressure monitor',
    link: { baudRate: BAUD_RATE, dataBits: 8, parity: 'none', stopBits: 1 },
    createDecoder: (deviceId) => guardDecoder(new BeurerBm58Decoder(deviceId, { ledger, utcOffsetMinutes })),
    // Without conversation support only the handshake can go out blindly: the download needs createHost.
    host: { onOpen: [handshake()], onClose: [] },
    createHost: () => new BeurerBm58Host(),
    createSimulator: (simulatorOptions) => new BeurerBm58Simulator(simulatorOptions),
  };
}

export const beurerBm58: DeviceDriver = createBeurerBm58Driver();

export { BeurerBm58Decoder } from './decoder';
export { BeurerBm58Host } from './host';
export { BeurerBm58Simulator, type BeurerBm58SimulatorOptions } from './simulator';
export * as beurerBm58Commands from './commands';
