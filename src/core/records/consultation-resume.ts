/**
 * How recent a consultation's last data must be, when the host starts again, for that
 * consultation to be resumed (still active, the call rejoining by itself) rather than closed as
 * interrupted.
 *
 * Why 10 minutes: a host restart (an update, a crash restarted by the service manager, a laptop
 * lid closed and opened) takes seconds to a few minutes, while the doctor's page keeps its seat
 * and the station's page keeps retrying; in that time the patient is still in front of the
 * camera, and ending the record would force a new consultation (new consent, new link) for the
 * same act. Past 10 minutes without any data the act is no longer the one that was going on: the
 * record is sealed as interrupted, as it always was. The gap itself is always in the record.
 */
export const RESUME_WINDOW_MS = 10 * 60_000;

/** What becomes of a consultation found active when the host starts. */
export type RestartOutcome =
  { readonly kind: 'resume'; readonly gapMs: number } | { readonly kind: 'interrupt' };

/**
 * Resumed when its last data is at most `windowMs` old at `nowMs`. A clock behind the last data
 * (moved back, or a wrong clock) cannot vouch for how long the host was down: interrupted.
 */
export function restartOutcome(
  lastDataMs: number,
  nowMs: number,
  windowMs: number = RESUME_WINDOW_MS,
): RestartOutcome {
  const gapMs = nowMs - lastDataMs;
  return gapMs >= 0 && gapMs <= windowMs ? { kind: 'resume', gapMs } : { kind: 'interrupt' };
}
