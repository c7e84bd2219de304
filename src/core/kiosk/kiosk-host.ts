import { AppErrorException } from '../../shared/result';

/**
 * What the kiosk service needs from the host's window. Electron: the station window (full
 * screen, no way out to the desktop). The Node host has no window of its own: the browser is the
 * user's, so it is never in kiosk mode and cannot leave it.
 */
export interface KioskHost {
  isKiosk(): boolean;
  /** Leaves kiosk mode for this run (the `kiosk` setting still applies at the next start). */
  exitKiosk(): void;
  /** Called when the window enters or leaves kiosk mode by other means (the setting changed). */
  onKioskChange?(listener: () => void): () => void;
}

export const NODE_KIOSK_HOST: KioskHost = {
  isKiosk: () => false,
  exitKiosk: () => {
    throw new AppErrorException('unavailable', 'kiosk mode exists only in the desktop station');
  },
};
