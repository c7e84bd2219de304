import { LOCAL_ZONE, type DeviceClockZone } from '../bp/device-clock';
import { BpRecordLedger } from '../bp/record-ledger';
import type { DeviceDriver } from '../driver';
import { OMRON_PRODUCT_ID, OMRON_VENDOR_ID, REPORT_BYTES } from './constants';
import { OmronHemHidDecoder } from './decoder';
import { OmronHemHidHost, type OmronHostOptions } from './host';
import { OmronHemHidSimulator, type OmronSimulatorOptions } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';
import { OMRON_HEM_VALIDITY } from './validity';

export interface OmronHemHidDriverOptions extends OmronHostOptions {
  /** Records already imported; one per process by default, so a replug never re-imports. */
  readonly ledger?: BpRecordLedger;
  /** Zone of the device's clock (default: the station's local zone). */
  readonly zone?: DeviceClockZone;
}

/** The process-wide ledger of the default driver; the core may snapshot/restore it. */
export const omronImportedRecords = new BpRecordLedger();

/**
 * Omron HEM-790IT, HEM-7080IT(-E), M10-IT, BP-791IT: USB HID 0590:0028, 8-byte reports without a
 * report id. A download conversation (host.ts) fetches the newest stored measurement(s) once per
 * device; each becomes systolic, diastolic and pulse readings timed by the device's own clock.
 */
export function createOmronHemHidDriver(options: OmronHemHidDriverOptions = {}): DeviceDriver {
  const ledger = options.ledger ?? omronImportedRecords;
  const zone = options.zone ?? LOCAL_ZONE;
  return {
    protocol: 'omron-hem-hid',
    name: 'Omron HEM-790IT / HEM-7080IT / M10-IT blood pressure monitor (USB)',
    link: {
      kind: 'hid',
      vendorId: OMRON_VENDOR_ID,
      productId: OMRON_PRODUCT_ID,
      reportBytes: REPORT_BYTES,
      reportId: 0,
    },
    createDecoder: (deviceId) =>
      guardDecoder(
        new OmronHemHidDecoder(deviceId, { ledger, zone, maxRecords: options.maxRecords }),
        OMRON_HEM_VALIDITY,
      ),
    // The conversation needs feature reports and replies: createHost, not a fixed script.
    host: { onOpen: [], onClose: [] },
    createHost: () => new OmronHemHidHost(options),
    createSimulator: (simulatorOptions?: OmronSimulatorOptions) =>
      new OmronHemHidSimulator({ zone, ...simulatorOptions }),
  };
}

export const omronHemHid: DeviceDriver = createOmronHemHidDriver();

export { OmronHemHidDecoder, OMRON_INFO } from './decoder';
export { OmronHemHidHost } from './host';
export { OmronHemHidSimulator, type HidFeatureSimulator } from './simulator';
export * as omronCommands from './commands';
