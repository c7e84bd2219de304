/**
 * Waits until `deadlineMs` (epoch, per `now`) or until `check` holds, re-checked on every `poke`.
 * The one timer is cleared as soon as the wait ends, so a probe leaves no handle behind.
 */
export class WaitUntil {
  private wake: (() => void) | null = null;

  constructor(private readonly now: () => number) {}

  /** Re-evaluate the condition (call after every chunk or event). */
  poke(): void {
    this.wake?.();
  }

  wait(deadlineMs: number, check: () => boolean): Promise<void> {
    const delay = deadlineMs - this.now();
    if (check() || delay <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(finish, delay);
      this.wake = () => {
        if (check()) finish();
      };
    });
  }
}
