import type { DeviceDriver } from '../driver';
import { associationRequest, pollNumericsRequest, releaseRequest } from './commands';
import { BAUD_RATE, POLL_INTERVAL_MS } from './constants';
import { IntellivueDecoder } from './decoder';
import { IntellivueHost } from './host';
import { IntellivueSimulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';

/**
 * Philips IntelliVue monitors (MP/MX series) through the MIB/RS-232 Data Export interface, at
 * 115200 8N1 with no flow control. The conversation (association, MDS create event confirmation,
 * 1 Hz numerics polls, release) is the host protocol; the fixed `host` script (association, then
 * the same poll on a timer, release on close) is the fallback for sessions that only run scripts.
 */
export const philipsIntellivueMib: DeviceDriver = {
  protocol: 'philips-intellivue-mib',
  name: 'Philips IntelliVue monitor (MIB/RS-232 Data Export)',
  link: { baudRate: BAUD_RATE, dataBits: 8, parity: 'none', stopBits: 1 },
  // No device ranges: no IntelliVue measurement-range specification was found in our sources, so
  // the metric table's plausible ranges apply (PROTOCOL.md "Validity and plausibility").
  createDecoder: (deviceId) => guardDecoder(new IntellivueDecoder(deviceId)),
  host: {
    onOpen: [associationRequest()],
    keepAlive: { intervalMs: POLL_INTERVAL_MS, bytes: pollNumericsRequest(1, 1) },
    onClose: [releaseRequest()],
  },
  createHost: () => new IntellivueHost(),
  createSimulator: (options) => new IntellivueSimulator(options),
};

export { IntellivueDecoder } from './decoder';
export { IntellivueHost } from './host';
export { IntellivueSimulator, type IntellivueSimulatorOptions } from './simulator';
export * as intellivueCommands from './commands';
