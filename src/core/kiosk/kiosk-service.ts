import type { KioskRefusal, KioskStatus } from '../../shared/api';
import { AppErrorException } from '../../shared/result';
import { delayAfterFailures, retryAfterSeconds } from './attempt-limiter';
import type { KioskHost } from './kiosk-host';
import { hashPin, PIN_SCRYPT, verifyPin } from './pin-hash';
import { readPinFile, removePinFile, writePinFile, type PinFile, type PinFileState } from './pin-file';

/** How long a right PIN opens the settings before they lock again by themselves. */
export const UNLOCK_DURATION_MS = 5 * 60_000;

export interface KioskServiceDeps {
  /** The 0600 JSON file holding the PIN's hash (in the station's data directory). */
  readonly pinFile: string;
  readonly host: KioskHost;
  readonly now?: () => number;
  readonly unlockDurationMs?: number;
  /** Runs `fn` after `ms`; returns a cancel function. Injected so tests need not wait. */
  readonly setTimer?: (fn: () => void, ms: number) => () => void;
  /** scrypt cost; tests lower it, the station keeps the default. */
  readonly hashCost?: { N: number; r: number; p: number };
  /**
   * Writes the PIN file (default: `writePinFile`). Injected only where a test cannot make a real
   * disk refuse the write (no `mount` for a full tmpfs).
   */
  readonly writeFile?: (path: string, file: PinFile) => Promise<void>;
}

export interface UnlockAnswer {
  readonly unlocked: boolean;
  readonly retryAfterS: number | null;
  readonly refusal: KioskRefusal | null;
}

type PinCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryAfterS: number | null; readonly refusal: KioskRefusal | null };

/**
 * The kiosk PIN: it guards the settings (whenever a PIN is set, whether or not the window is in
 * kiosk mode: a settings screen left open on a cart is the same risk) and the way out of kiosk mode.
 * Every PIN operation runs one at a time, so parallel guesses cannot all read "0 failures" and
 * slip past the delay.
 */
export class KioskService {
  private readonly now: () => number;
  private readonly unlockDurationMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => () => void;
  private readonly writeFile: (path: string, file: PinFile) => Promise<void>;
  private readonly listeners = new Set<(status: KioskStatus) => void>();
  private readonly stopHostListener: () => void;
  private state: PinFileState | null = null;
  private unlockedUntil = 0;
  private cancelRelock: (() => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: KioskServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.unlockDurationMs = deps.unlockDurationMs ?? UNLOCK_DURATION_MS;
    this.setTimer = deps.setTimer ?? defaultTimer;
    this.writeFile = deps.writeFile ?? writePinFile;
    this.stopHostListener = deps.host.onKioskChange?.(() => this.emitChange()) ?? (() => undefined);
  }

  status(): Promise<KioskStatus> {
    return this.serial(async () => this.statusOf(await this.load()));
  }

  onChange(listener: (status: KioskStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the settings for a few minutes with the right PIN; a wrong one is slowed down. */
  unlock(pin: string): Promise<UnlockAnswer> {
    return this.serial(async () => {
      const check = await this.checkPin(pin);
      if (!check.ok) return { unlocked: false, retryAfterS: check.retryAfterS, refusal: check.refusal };
      this.openFor(this.unlockDurationMs);
      return { unlocked: true, retryAfterS: null, refusal: null };
    });
  }

  /** Locks the settings now ("lock now", before leaving the station); no PIN is needed for that. */
  lock(): Promise<KioskStatus> {
    return this.serial(async () => {
      this.openFor(0);
      return this.statusOf(await this.load());
    });
  }

  /** Sets, changes or (newPin null) removes the PIN; the current one is required once set. */
  setPin(currentPin: string | null, newPin: string | null): Promise<KioskStatus> {
    return this.serial(async () => {
      const state = await this.load();
      if (state.kind !== 'absent') await this.requirePin(currentPin);
      if (newPin === null) {
        await removePinFile(this.deps.pinFile);
        this.state = { kind: 'absent' };
        this.openFor(0);
      } else {
        const file = {
          version: 1 as const,
          pin: await hashPin(newPin, this.deps.hashCost ?? PIN_SCRYPT),
          failedAttempts: 0,
          retryNotBefore: 0,
        };
        await this.writeFile(this.deps.pinFile, file);
        this.state = { kind: 'present', file };
        // Locked at once: a PIN chosen at a station left unattended right after would otherwise
        // protect nothing for minutes. Whoever chose it types it to go on.
        this.openFor(0);
      }
      return this.statusOf(this.state);
    });
  }

  /** Leaves kiosk mode for this run, with the PIN when one is set (the settings open too). */
  exit(pin: string | null): Promise<null> {
    return this.serial(async () => {
      const state = await this.load();
      if (state.kind !== 'absent') await this.requirePin(pin);
      this.deps.host.exitKiosk();
      if (state.kind !== 'absent') this.openFor(this.unlockDurationMs);
      else this.emitChange();
      return null;
    });
  }

  /** Throws `forbidden` while a PIN is set and the settings are not unlocked. */
  assertSettingsWritable(): Promise<void> {
    return this.serial(async () => {
      if (this.statusOf(await this.load()).locked)
        throw new AppErrorException(
          'forbidden',
          'settings-locked: the settings are locked: unlock them with the kiosk PIN',
        );
    });
  }

  close(): void {
    this.cancelRelock?.();
    this.cancelRelock = null;
    this.stopHostListener();
    this.listeners.clear();
  }

  private statusOf(state: PinFileState): KioskStatus {
    const pinSet = state.kind !== 'absent';
    return { kiosk: this.deps.host.isKiosk(), pinSet, locked: pinSet && this.now() >= this.unlockedUntil };
  }

  private async load(): Promise<PinFileState> {
    this.state ??= await readPinFile(this.deps.pinFile);
    return this.state;
  }

  private async requirePin(pin: string | null): Promise<void> {
    if (pin === null) throw new AppErrorException('forbidden', 'pin-required: the kiosk PIN is required');
    const check = await this.checkPin(pin);
    if (check.ok) return;
    if (check.refusal !== null) throw new AppErrorException('unavailable', check.refusal);
    throw new AppErrorException(
      'forbidden',
      check.retryAfterS === null
        ? 'wrong-pin: wrong PIN'
        : `wrong-pin: wrong PIN: try again in ${check.retryAfterS} s`,
    );
  }

  /** Runs inside `serial`. Fails closed on a file it cannot trust: the PIN cannot be bypassed. */
  private async checkPin(pin: string): Promise<PinCheck> {
    const state = await this.load();
    if (state.kind === 'absent') return { ok: true };
    if (state.kind === 'unreadable')
      throw new AppErrorException(
        'unavailable',
        `the kiosk PIN file ${this.deps.pinFile} cannot be read (${state.reason}); remove it to reset the PIN`,
      );
    const now = this.now();
    const waiting = retryAfterSeconds(state.file.retryNotBefore, now);
    if (waiting !== null) return { ok: false, retryAfterS: waiting, refusal: null };
    // Every attempt is counted as wrong before the PIN is even checked, and on disk before any
    // answer (the count survives the plug pulled right after). If that write fails (disk full,
    // read-only), nothing is checked and no PIN is accepted, the right one included: otherwise
    // wrong guesses would go uncounted, undelayed, until the right one opened the settings.
    const failedAttempts = state.file.failedAttempts + 1;
    const counted = {
      ...state.file,
      failedAttempts,
      retryNotBefore: now + delayAfterFailures(failedAttempts),
    };
    if (!(await this.record(counted)))
      return { ok: false, retryAfterS: null, refusal: 'attempt-not-recorded' };
    if (!(await verifyPin(pin, state.file.pin)))
      return { ok: false, retryAfterS: retryAfterSeconds(counted.retryNotBefore, now), refusal: null };
    // The right PIN clears the count. Should that write fail, the attempt stays counted as a wrong
    // one (the safe side) and the PIN is still accepted: the attempt itself was recorded.
    await this.record({ ...state.file, failedAttempts: 0, retryNotBefore: 0 });
    return { ok: true };
  }

  /** Writes the attempt state; false (the state unchanged) when the disk refuses it. */
  private async record(file: PinFile): Promise<boolean> {
    try {
      await this.writeFile(this.deps.pinFile, file);
    } catch {
      return false;
    }
    this.state = { kind: 'present', file };
    return true;
  }

  private openFor(durationMs: number): void {
    this.cancelRelock?.();
    this.cancelRelock = null;
    this.unlockedUntil = durationMs > 0 ? this.now() + durationMs : 0;
    if (durationMs > 0)
      this.cancelRelock = this.setTimer(() => {
        this.cancelRelock = null;
        this.emitChange();
      }, durationMs);
    this.emitChange();
  }

  /** Queued behind the operation in progress, so listeners see its outcome, never a half-state. */
  private emitChange(): void {
    this.serial(async () => {
      const status = this.statusOf(await this.load());
      for (const listener of this.listeners) listener(status);
    }).catch(() => {
      // A PIN file that became unreadable is reported by the next call; a listener's own failure
      // is the listener's business. Neither may become an unhandled rejection.
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function defaultTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  // An open settings lock must not keep a closing process alive.
  timer.unref();
  return () => clearTimeout(timer);
}
