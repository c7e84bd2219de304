import { LOCAL_ZONE, type DeviceClockZone } from '../bp/device-clock';
import { BpRecordLedger } from '../bp/record-ledger';
import type { DeviceDriver } from '../driver';
import { BM55_PRODUCT_ID, BM55_VENDOR_ID, REPORT_BYTES } from './constants';
import { BeurerBm55HidDecoder } from './decoder';
import { BeurerBm55HidHost, type Bm55HostOptions } from './host';
import { BeurerBm55HidSimulator, type Bm55SimulatorOptions } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';
import { BM55_VALIDITY } from './validity';

export interface BeurerBm55HidDriverOptions extends Bm55HostOptions {
  readonly ledger?: BpRecordLedger;
  readonly zone?: DeviceClockZone;
}

/** The process-wide ledger of the default driver; the core may snapshot/restore it. */
export const bm55ImportedRecords = new BpRecordLedger();

/**
 * Beurer BM55 blood pressure monitor: USB HID 0c45:7406, 8-byte reports without a report id,
 * the BM58/BM65 command set (AA, A2, A3 n, F7). Downloads the stored measurements; each new one
 * becomes systolic, diastolic and pulse readings timed by the device's own clock.
 */
export function createBeurerBm55HidDriver(options: BeurerBm55HidDriverOptions = {}): DeviceDriver {
  const ledger = options.ledger ?? bm55ImportedRecords;
  const zone = options.zone ?? LOCAL_ZONE;
  return {
    protocol: 'beurer-bm55-hid',
    name: 'Beurer BM55 blood pressure monitor (USB)',
    link: {
      kind: 'hid',
      vendorId: BM55_VENDOR_ID,
      productId: BM55_PRODUCT_ID,
      reportBytes: REPORT_BYTES,
      reportId: 0,
    },
    createDecoder: (deviceId) =>
      guardDecoder(new BeurerBm55HidDecoder(deviceId, { ledger, zone }), BM55_VALIDITY),
    host: { onOpen: [], onClose: [] },
    createHost: () => new BeurerBm55HidHost(options),
    createSimulator: (simulatorOptions?: Bm55SimulatorOptions) =>
      new BeurerBm55HidSimulator({ zone, ...simulatorOptions }),
  };
}

export const beurerBm55Hid: DeviceDriver = createBeurerBm55HidDriver();

export { BeurerBm55HidDecoder } from './decoder';
export { BeurerBm55HidHost } from './host';
export { BeurerBm55HidSimulator } from './simulator';
