/**
 * Exponential delay between wrong PINs. The first few mistakes are free (a nurse mistyping), then
 * each wrong PIN doubles the wait before the next one is even checked, up to a cap. With the
 * defaults, trying all 10⁴ four-digit PINs takes about 104 days (half that on average): 3 free
 * tries, then up to 15 min per try. Longer PINs (up to 12 digits) are what makes guessing hopeless.
 */
export const FREE_ATTEMPTS = 3;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

/** The wait imposed after the `failedAttempts`-th wrong PIN in a row (0 while still free). */
export function delayAfterFailures(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  const doublings = Math.min(failedAttempts - FREE_ATTEMPTS, 30);
  return Math.min(FIRST_DELAY_MS * 2 ** doublings, MAX_DELAY_MS);
}

/** Whole seconds until `notBefore`, or null when an attempt is allowed now. */
export function retryAfterSeconds(notBefore: number, now: number): number | null {
  return notBefore > now ? Math.ceil((notBefore - now) / 1000) : null;
}
