import type { CheckStatus } from './equipment-check';

/**
 * The TURN check as one item (issue 15): an installer reads one verdict for the call relay, with
 * each path tried as a line under it (UDP, TCP, TLS, the browser's relayed test call, the refusal
 * of private peers) and the one fix that matters. The host (`check.run`, `station check`) and the
 * station screen, which adds the browser's lines, judge the lines the same way here.
 */
export const TURN_LINE_KINDS = ['url', 'udp', 'tcp', 'tls', 'relay', 'peers'] as const;
export type TurnLineKind = (typeof TURN_LINE_KINDS)[number];

export interface TurnLineOutcome {
  readonly kind: TurnLineKind;
  readonly status: CheckStatus;
  readonly code: string;
}

export interface TurnVerdict {
  readonly status: CheckStatus;
  /** `ok`, `degraded`, or the code of the line whose fix is given (e.g. `timeout`, `no-secret`). */
  readonly code: string;
  /** The line whose fix is the one to show, or null when nothing needs fixing. */
  readonly fixLine: number | null;
}

/** Paths a call can take through the relay: any one of them working lets calls through. */
const PATH_KINDS: ReadonlySet<TurnLineKind> = new Set(['udp', 'tcp', 'tls', 'relay']);

/**
 * Which line's fix comes first: a configuration the station cannot work with, then a path the
 * host could not open, then the relay's security, and last the browser's own test call (which
 * mostly fails for the same reasons as the host's lines above it).
 */
function fixRank(line: TurnLineOutcome): number {
  if (line.kind === 'url' || line.code === 'auth-failed' || line.code === 'no-secret') return 0;
  if (line.kind === 'relay') return 3;
  if (line.kind === 'peers') return 2;
  return 1;
}

export function turnVerdict(lines: readonly TurnLineOutcome[]): TurnVerdict {
  const tested = lines.filter((line) => line.status !== 'skipped');
  const notPassing = tested
    .map((line, index) => ({ line, index: lines.indexOf(line), order: index }))
    .filter(({ line }) => line.status !== 'pass')
    .sort((a, b) => fixRank(a.line) - fixRank(b.line) || a.order - b.order);
  const first = notPassing[0];
  if (first === undefined)
    return tested.length === 0
      ? { status: 'skipped', code: 'not-tested', fixLine: null }
      : { status: 'pass', code: 'ok', fixLine: null };
  const pathWorks = tested.some((line) => PATH_KINDS.has(line.kind) && line.status === 'pass');
  if (pathWorks) return { status: 'warn', code: 'degraded', fixLine: first.index };
  // No path works: a failure anywhere fails the item; only warnings (nothing configured, no
  // secret) keep it a warning, as before.
  const failed = notPassing.some(({ line }) => line.status === 'fail');
  return { status: failed ? 'fail' : 'warn', code: first.line.code, fixLine: first.index };
}
