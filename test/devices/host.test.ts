import { contecCms50V7 } from '../../src/devices/contec-cms50-v7';
import { NO_STEP } from '../../src/devices/driver';
import { hostFromScript, hostOf } from '../../src/devices/host';
import { philipsIntellivueMib } from '../../src/devices/philips-intellivue-mib';
import { IntellivueHost } from '../../src/devices/philips-intellivue-mib/host';

const OPEN = [Uint8Array.of(0x7d, 0x81), Uint8Array.of(0xa1)];
const CLOSE = [Uint8Array.of(0x7d, 0x82)];
const PING = Uint8Array.of(0x7d);

describe('hostFromScript', () => {
  it('writes the open and close steps and ignores decode events', () => {
    const host = hostFromScript({ onOpen: OPEN, onClose: CLOSE });
    expect(host.open(0)).toEqual({ writes: OPEN });
    expect(host.onEvent({ kind: 'frame-error', code: 'checksum', detail: '' }, 1)).toBe(NO_STEP);
    expect(host.close(2)).toEqual({ writes: CLOSE });
  });

  it('ticks with the keep-alive at its interval, and not at all without one', () => {
    const keeping = hostFromScript({ onOpen: [], onClose: [], keepAlive: { intervalMs: 5000, bytes: PING } });
    expect(keeping.tickIntervalMs).toBe(5000);
    expect(keeping.tick(5000)).toEqual({ writes: [PING] });
    const quiet = hostFromScript({ onOpen: [], onClose: [] });
    expect(quiet.tickIntervalMs).toBe(0);
    expect(quiet.tick(5000)).toBe(NO_STEP);
  });
});

describe('hostOf', () => {
  it("prefers the driver's own host protocol, a fresh one for every session", () => {
    const first = hostOf(philipsIntellivueMib);
    expect(first).toBeInstanceOf(IntellivueHost);
    expect(hostOf(philipsIntellivueMib)).not.toBe(first);
  });

  it('adapts the fixed script of a driver without one', () => {
    expect(contecCms50V7.createHost).toBeUndefined();
    const host = hostOf(contecCms50V7);
    expect(host.open(0)).toEqual({ writes: contecCms50V7.host.onOpen });
    expect(host.close(0)).toEqual({ writes: contecCms50V7.host.onClose });
  });
});
