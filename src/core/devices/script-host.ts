import { NO_STEP, type DeviceDriver, type HostProtocol, type HostScript } from '../../devices/driver';

/**
 * A fixed host script as a HostProtocol, so a session drives every driver through one mechanism:
 * `onOpen` is the open step, the keep-alive is what each tick sends, `onClose` the close step.
 * A script without a keep-alive has no tick (interval 0).
 */
export function hostFromScript(script: HostScript): HostProtocol {
  const keepAlive = script.keepAlive;
  return {
    open: () => ({ writes: script.onOpen }),
    onEvent: () => NO_STEP,
    tickIntervalMs: keepAlive?.intervalMs ?? 0,
    tick: () => (keepAlive ? { writes: [keepAlive.bytes] } : NO_STEP),
    close: () => ({ writes: script.onClose }),
  };
}

/** A fresh host state machine for one session (or one probe) of `driver`. */
export function hostOf(driver: DeviceDriver): HostProtocol {
  return driver.createHost?.() ?? hostFromScript(driver.host);
}
