import type { DeviceDriver } from '../driver';
import { startStreaming, stopStreaming } from './commands';
import { BAUD_RATE } from './constants';
import { CytonDecoder } from './decoder';
import { CytonHost } from './host';
import { checkGain, outputLeads, TWELVE_LEAD_MAP, type CytonOptions } from './lead-map';
import { CytonSimulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';

/**
 * An OpenBCI Cyton used as an ECG front end, through its FTDI USB dongle at 115200 8N1. The lead
 * map (which channel carries which lead) and the channel gain are configuration; the default is
 * lead I, II, III on channels 1, 2, 3 at gain 24. `createHost` runs the documented start-up
 * (s, v, wait for `$$$`, c, b); `host` is the fallback for sessions without host-protocol support:
 * it cannot wait for the reset reply, so it skips the reset and only stops then starts the stream.
 * Throws a TypeError on a bad lead map or gain.
 */
export function createOpenBciCytonDriver(options: CytonOptions = {}): DeviceDriver {
  outputLeads(options);
  checkGain(options.gain);
  return {
    protocol: 'openbci-cyton',
    name: 'OpenBCI Cyton (ECG)',
    link: { baudRate: BAUD_RATE, dataBits: 8, parity: 'none', stopBits: 1 },
    createDecoder: (deviceId) => guardDecoder(new CytonDecoder(deviceId, options)),
    host: { onOpen: [stopStreaming(), startStreaming()], onClose: [stopStreaming()] },
    createHost: () => new CytonHost(),
    createSimulator: (simulatorOptions) => new CytonSimulator({ ...simulatorOptions, gain: options.gain }),
  };
}

export const openBciCyton: DeviceDriver = createOpenBciCytonDriver();

/**
 * The same board and byte stream wired as a 12-lead ECG (PROTOCOL.md, "12-lead wiring"): I, II and
 * V1–V6 on channels 1–8, III, aVR, aVL, aVF computed from I and II. A protocol id of its own
 * because the bytes cannot say how the electrodes are wired: probing finds `openbci-cyton`, and a
 * 12-lead board is chosen by this id (or simulated with it).
 */
export const openBciCyton12Lead: DeviceDriver = {
  ...createOpenBciCytonDriver({ leadMap: TWELVE_LEAD_MAP, deriveLimbLeads: true }),
  protocol: 'openbci-cyton-12lead',
  name: 'OpenBCI Cyton (12-lead ECG)',
  createSimulator: (simulatorOptions) => new CytonSimulator({ ...simulatorOptions, twelveLead: true }),
};

export { CytonDecoder, type CytonDecoderStats } from './decoder';
export { CytonHost } from './host';
export { CytonSimulator, type CytonSimulatorOptions } from './simulator';
export { DEFAULT_LEAD_MAP, TWELVE_LEAD_MAP, type CytonOptions, type LeadMap } from './lead-map';
export * as cytonCommands from './commands';
