import { fixedOffsetZone, LOCAL_ZONE, type DeviceClockZone } from '../bp/device-clock';
import type { DeviceDriver } from '../driver';
import { handshake } from './commands';
import { BpRecordLedger } from '../bp/record-ledger';
import { BAUD_RATE } from './constants';
import { BeurerBm58Decoder } from './decoder';
import { BeurerBm58Host } from './host';
import { BeurerBm58Simulator, type BeurerBm58SimulatorOptions } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';
import { BM58_VALIDITY } from './validity';

/** The process-wide ledger of the default driver: a replug never re-imports; the core may snapshot it. */
export const bm58ImportedRecords = new BpRecordLedger();

export interface BeurerBm58DriverOptions {
  readonly ledger?: BpRecordLedger;
  /** The zone the device clock was set in; default: the station's own (LOCAL_ZONE). */
  readonly zone?: DeviceClockZone;
  /** A fixed offset (local − UTC, minutes) instead of a zone, for captures decoded elsewhere. */
  readonly utcOffsetMinutes?: number;
  /** Defaults for every simulator this driver makes (e.g. `recordsAgo`); per-call options win. */
  readonly simulator?: BeurerBm58SimulatorOptions;
}

/**
 * Beurer BM58 / BM65 blood-pressure monitors (and other "Andon KD001"-based OEM units) over
 * their USB-serial PC cable at 4800 8N1: a command/response download of the stored measurements,
 * imported by the rule of ../bp (first download: the newest only; later: only newer ones) with
 * their own date and time. The device clock has no time zone: it was set to local time on the
 * station's desk, so the station's zone turns it into UTC unless `zone` or `utcOffsetMinutes`
 * says otherwise. Values outside the cuff's published measurement range are dropped (validity.ts).
 */
export function createBeurerBm58Driver(options: BeurerBm58DriverOptions = {}): DeviceDriver {
  const ledger = options.ledger ?? bm58ImportedRecords;
  const zone =
    options.zone ??
    (options.utcOffsetMinutes === undefined ? LOCAL_ZONE : fixedOffsetZone(options.utcOffsetMinutes));
  return {
    protocol: 'beurer-bm58',
    name: 'Beurer BM58 / BM65 blood-pressure monitor',
    link: { baudRate: BAUD_RATE, dataBits: 8, parity: 'none', stopBits: 1 },
    createDecoder: (deviceId) =>
      guardDecoder(new BeurerBm58Decoder(deviceId, { ledger, zone }), BM58_VALIDITY),
    // Without conversation support only the handshake can go out blindly: the download needs createHost.
    host: { onOpen: [handshake()], onClose: [] },
    createHost: () => new BeurerBm58Host(),
    createSimulator: (simulatorOptions) =>
      new BeurerBm58Simulator({ zone, ...options.simulator, ...simulatorOptions }),
  };
}

export const beurerBm58: DeviceDriver = createBeurerBm58Driver();

export { BeurerBm58Decoder } from './decoder';
export { BeurerBm58Host } from './host';
export { BeurerBm58Simulator, type BeurerBm58SimulatorOptions, type StoredRecordAgo } from './simulator';
export * as beurerBm58Commands from './commands';
