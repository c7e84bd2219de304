import type { BackendApi } from '../../shared/api';
import { AppErrorException } from '../../shared/result';
import type { KioskService } from './kiosk-service';

export type KioskMethod = 'kiosk.status' | 'kiosk.unlock' | 'kiosk.lock' | 'kiosk.setPin' | 'kiosk.exit';

/**
 * The `kiosk.*` API. A host that gives the core no PIN storage (a test backend) has no PIN:
 * it is never locked, and setting a PIN or leaving kiosk mode is `unavailable` there.
 */
export function kioskHandlers(service: KioskService | null): Pick<BackendApi, KioskMethod> {
  if (service === null) {
    const unavailable = (): Promise<never> =>
      Promise.reject(new AppErrorException('unavailable', 'this host keeps no kiosk PIN'));
    const open = { kiosk: false, pinSet: false, locked: false };
    return {
      'kiosk.status': () => Promise.resolve(open),
      'kiosk.unlock': () => Promise.resolve({ unlocked: true, retryAfterS: null, refusal: null }),
      'kiosk.lock': () => Promise.resolve(open),
      'kiosk.setPin': unavailable,
      'kiosk.exit': unavailable,
    };
  }
  return {
    'kiosk.status': () => service.status(),
    'kiosk.unlock': ({ pin }) => service.unlock(pin),
    'kiosk.lock': () => service.lock(),
    'kiosk.setPin': ({ currentPin, newPin }) => service.setPin(currentPin, newPin),
    'kiosk.exit': ({ pin }) => service.exit(pin),
  };
}
