import { setImmediate as nextTurn } from 'node:timers/promises';

/** Raised when Redis did not answer within the deadline. */
export class RedisDeadlineError extends Error {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
    this.name = 'RedisDeadlineError';
  }
}

/**
 * `work`, or a RedisDeadlineError once `ms` have passed without its answer. A busy node's event
 * loop may be stalled for longer than the deadline while Redis's answer already waits in the
 * socket: when the loop comes back, expired timers run before sockets are read, so a bare timeout
 * would call a Redis that answered in a millisecond unreachable (the bench's `unavailable` joins
 * under load). The deadline therefore gives the loop two more turns to read what arrived first.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  const tracked = work.finally(() => {
    settled = true;
  });
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void (async () => {
        await nextTurn();
        await nextTurn();
        if (!settled) reject(new RedisDeadlineError(ms));
      })();
    }, ms);
  });
  try {
    return await Promise.race([tracked, expired]);
  } finally {
    clearTimeout(timer);
  }
}
