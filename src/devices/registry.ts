import { isHidLink, type DeviceDriver } from './driver';
import { ad8232Ascii } from './ad8232-ascii';
import { beurerBm55Hid } from './beurer-bm55-hid';
import { beurerBm58 } from './beurer-bm58';
import { contecCms50Legacy } from './contec-cms50-legacy';
import { contecCms50V7 } from './contec-cms50-v7';
import { geDatexS5 } from './ge-datex-s5';
import { masimoAscii } from './masimo-ascii';
import { nellcorAscii } from './nellcor-ascii';
import { noninDf13 } from './nonin-df13';
import { noninDf2 } from './nonin-df2';
import { noninDf7 } from './nonin-df7';
import { noninDf8 } from './nonin-df8';
import { omronHemHid } from './omron-hem-hid';
import { openBciCyton, openBciCyton12Lead } from './openbci-cyton';
import { philipsIntellivueMib } from './philips-intellivue-mib';

/**
 * Every driver the station knows, in the order `station probe` tries them: protocols that answer
 * a handshake first (a reply is proof), passive streams after (they can only be recognised by
 * their frames).
 */
export const DRIVERS: readonly DeviceDriver[] = [
  contecCms50V7,
  philipsIntellivueMib,
  geDatexS5,
  beurerBm58,
  openBciCyton,
  noninDf2,
  noninDf7,
  noninDf8,
  noninDf13,
  contecCms50Legacy,
  masimoAscii,
  nellcorAscii,
  ad8232Ascii,
  // USB HID: the VID:PID is the device's own, so discovery selects these without probing.
  omronHemHid,
  beurerBm55Hid,
];

/**
 * Drivers chosen by their id only, never probed: their bytes are another driver's (a Cyton wired
 * as a 12-lead ECG streams the same packets as one wired as a 3-lead), so a probe could not tell
 * them apart and finds the first.
 */
export const WIRING_VARIANTS: readonly DeviceDriver[] = [openBciCyton12Lead];

export function driverFor(protocol: string): DeviceDriver | undefined {
  return [...DRIVERS, ...WIRING_VARIANTS].find((driver) => driver.protocol === protocol);
}

/**
 * USB-serial bridges (reference/device-protocols.md §1) and the drivers worth probing behind each.
 * A bridge sits in the cable of many unrelated devices, so a VID:PID match yields candidates to
 * probe in order, never a verdict. Bridges with no candidate yet are listed so the table is the
 * one place to extend when a driver for a device behind them lands.
 */
/** Devices with an RS-232 port, reached through a generic USB-serial adapter. */
const RS232_PROTOCOLS: readonly DeviceDriver[] = [
  philipsIntellivueMib,
  geDatexS5,
  beurerBm58,
  masimoAscii,
  nellcorAscii,
];

export interface UsbBridge {
  readonly name: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly candidates: readonly DeviceDriver[];
}

export const USB_BRIDGES: readonly UsbBridge[] = [
  // Contec cables carry a CP2102: try the two-way V7 protocol first, then the passive legacy stream.
  {
    name: 'Silicon Labs CP210x',
    vendorId: 0x10c4,
    productId: 0xea60,
    candidates: [contecCms50V7, contecCms50Legacy],
  },
  // Generic USB-to-RS-232 adapters: bedside monitors and RS-232 oximeters sit behind whichever one
  // the site bought. No source ties a device to one of them, so each lists every RS-232 protocol.
  { name: 'Prolific PL2303', vendorId: 0x067b, productId: 0x2303, candidates: RS232_PROTOCOLS },
  // AD8232 Arduino-style boards commonly carry a CH340 (§1).
  { name: 'WCH CH340', vendorId: 0x1a86, productId: 0x7523, candidates: [...RS232_PROTOCOLS, ad8232Ascii] },
  // One open-source tool labels an FTDI FT232R cable "Nonin Medical" (§1, UNCERTAIN): the Nonin
  // formats go first there; the format-select handshake confirms or rules them out.
  {
    name: 'FTDI FT232R',
    vendorId: 0x0403,
    productId: 0x6001,
    candidates: [noninDf2, noninDf7, noninDf8, noninDf13, ...RS232_PROTOCOLS],
  },
  // The OpenBCI dongle carries an FT231X (vendor data-format page; §1 gives its id).
  {
    name: 'FTDI FT231X / FT-X',
    vendorId: 0x0403,
    productId: 0x6015,
    candidates: [openBciCyton, ...RS232_PROTOCOLS],
  },
];

/** Drivers worth trying on a USB device: a bridge's serial candidates, or the HID drivers declaring that VID:PID. */
export function candidatesForUsb(vendorId: number, productId: number): DeviceDriver[] {
  const bridge = USB_BRIDGES.find((b) => b.vendorId === vendorId && b.productId === productId);
  const hid = DRIVERS.filter(
    (driver) =>
      isHidLink(driver.link) && driver.link.vendorId === vendorId && driver.link.productId === productId,
  );
  return [...(bridge?.candidates ?? []), ...hid];
}
