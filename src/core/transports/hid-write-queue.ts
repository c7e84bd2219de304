/**
 * Runs HID writes one at a time. hidapi writes block a worker thread each; interleaving two
 * multi-report commands would mix their reports on the wire. Every operation gets a deadline: a
 * write to a device that vanished may never return, and the queue must not wait for it forever.
 */
export class HidWriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly pending = new Set<(error: Error) => void>();

  run(operation: () => Promise<void>, timeoutMs: number, timeoutError: () => Error): Promise<void> {
    const result = new Promise<void>((resolve, reject) => {
      const settle = (error?: Error): void => {
        this.pending.delete(fail);
        if (error) reject(error);
        else resolve();
      };
      const fail = (error: Error): void => settle(error);
      this.pending.add(fail);
      this.tail = this.tail.then(async () => {
        if (!this.pending.has(fail)) return; // failed while waiting its turn
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            settle(timeoutError());
            resolve();
          }, timeoutMs);
        });
        const done = operation().then(
          () => settle(),
          (error: unknown) => settle(error instanceof Error ? error : new Error(String(error))),
        );
        // The next write waits for this one or its deadline, whichever comes first.
        await Promise.race([done, deadline]);
        clearTimeout(timer);
      });
    });
    return result;
  }

  /** Rejects every write not yet finished (the device closed). */
  failPending(error: Error): void {
    for (const fail of [...this.pending]) fail(error);
  }
}
