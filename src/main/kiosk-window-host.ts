import type { BrowserWindow } from 'electron';
import type { KioskHost } from '../core/kiosk/kiosk-host';

export type KioskWindow = Pick<BrowserWindow, 'isDestroyed' | 'isKiosk' | 'setKiosk'>;

/**
 * The core's `KioskHost` for the desktop station: the one station window, attached once it exists
 * (the backend is created first). `wanted` is what the station should be: set by the `kiosk`
 * setting, cleared for this run by `kiosk.exit` (with the PIN) — so that sleep/resume or a window
 * manager dropping full screen can put it back, and a PIN exit is not undone by it.
 */
export class WindowKioskHost implements KioskHost {
  private window: KioskWindow | null = null;
  private wanted: boolean;
  private readonly listeners = new Set<() => void>();

  constructor(initiallyWanted: boolean) {
    this.wanted = initiallyWanted;
  }

  attach(window: KioskWindow): void {
    this.window = window;
  }

  /** What the station should be (for the resume guard): the setting, unless exited with the PIN. */
  isWanted(): boolean {
    return this.wanted;
  }

  isKiosk(): boolean {
    return this.alive()?.isKiosk() ?? false;
  }

  exitKiosk(): void {
    this.apply(false);
  }

  /** The `kiosk` setting changed: follow it. */
  followSetting(kiosk: boolean): void {
    this.apply(kiosk);
  }

  /** Puts the window back in kiosk mode if it should be and is not (after resume). */
  reassert(): void {
    if (this.wanted && !this.isKiosk()) this.apply(true);
  }

  onKioskChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private apply(kiosk: boolean): void {
    this.wanted = kiosk;
    const window = this.alive();
    if (window === null || window.isKiosk() === kiosk) return;
    window.setKiosk(kiosk);
    for (const listener of this.listeners) listener();
  }

  private alive(): KioskWindow | null {
    return this.window !== null && !this.window.isDestroyed() ? this.window : null;
  }
}
