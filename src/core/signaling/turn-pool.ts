import { parseTurnUrl } from '../check/turn/turn-url';
import { stunBindingCheck, type StunBindingResult, type StunTarget } from './stun-binding-check';

/**
 * Several coturn servers sharing one `static-auth-secret`: one TURN REST credential is valid on
 * each of them (coturn recomputes the password from the username and the shared secret), so the
 * rendezvous hands every participant a single credential with the URLs of all the live servers.
 * Each server (the URLs of one host) is checked every `intervalMs` with a STUN Binding request over
 * UDP; the offered list puts the answering servers first, fastest first, then those that missed one
 * check, and leaves out those that missed `failuresToDown` in a row. A dead server therefore leaves
 * the list at most `failuresToDown × (intervalMs + timeoutMs)` after it died: 2 × (15 + 2) s = 34 s
 * with the defaults, within the minute the issue asks for.
 *
 * When every server is down, the whole configured list is offered: the likeliest cause is that this
 * node cannot reach them (a firewall between the rendezvous and the pool), not that all died, and
 * an empty list would take the relay away from every call for certain.
 */
export interface TurnPoolOptions {
  readonly urls: readonly string[];
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  /** Missed checks in a row after which a server leaves the list. */
  readonly failuresToDown?: number;
  /** The health check; the real one unless a test replaces it. */
  readonly check?: (target: StunTarget, timeoutMs: number) => Promise<StunBindingResult>;
  /** A server changed state (up ↔ down): for the logs and metrics. */
  readonly onChange?: (server: TurnServerHealth) => void;
}

export const DEFAULT_TURN_CHECK_INTERVAL_MS = 15_000;
export const DEFAULT_TURN_CHECK_TIMEOUT_MS = 2_000;
export const DEFAULT_TURN_FAILURES_TO_DOWN = 2;
/** coturn's default listening port answers STUN over UDP whatever the URLs' transports are. */
const DEFAULT_STUN_PORT = 3478;
/** Weight of the newest round trip in the smoothed one. */
const RTT_SMOOTHING = 0.3;

export type TurnServerState = 'unknown' | 'up' | 'suspect' | 'down';

export interface TurnServerHealth {
  /** `host:port` the check goes to. */
  readonly server: string;
  readonly state: TurnServerState;
  /** Smoothed round trip of the Binding check, once one answered. */
  readonly rttMs?: number;
}

interface Member {
  readonly target: StunTarget;
  readonly label: string;
  readonly urls: string[];
  /** Position in the configuration: the tie-break, so the order is stable. */
  readonly rank: number;
  state: TurnServerState;
  failures: number;
  rttMs?: number;
}

const STATE_ORDER: Record<TurnServerState, number> = { up: 0, unknown: 1, suspect: 2, down: 3 };

export class TurnPool {
  private readonly members: Member[];
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly failuresToDown: number;
  private readonly check: (target: StunTarget, timeoutMs: number) => Promise<StunBindingResult>;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Set by `stop`: a round still in flight then reports nothing. */
  private stopped = false;
  private completedRounds = 0;

  constructor(private readonly options: TurnPoolOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_TURN_CHECK_INTERVAL_MS;
    this.timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_TURN_CHECK_TIMEOUT_MS, this.intervalMs);
    this.failuresToDown = Math.max(1, options.failuresToDown ?? DEFAULT_TURN_FAILURES_TO_DOWN);
    this.check = options.check ?? stunBindingCheck;
    this.members = groupByServer(options.urls);
  }

  /** Checks every server at once, then again every interval until `stop`. */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Rounds of checks finished so far (tests wait on it instead of on the clock). */
  get rounds(): number {
    return this.completedRounds;
  }

  /** One round: every server checked in parallel. */
  async checkNow(): Promise<void> {
    await Promise.all(this.members.map((member) => this.checkMember(member)));
    this.completedRounds += 1;
  }

  /** The URLs to offer, best server first (see the class comment for the order and the fallback). */
  urls(): string[] {
    const live = this.members.filter((member) => member.state !== 'down');
    const offered = live.length > 0 ? live : this.members;
    return [...offered].sort(compareMembers).flatMap((member) => member.urls);
  }

  health(): TurnServerHealth[] {
    return this.members.map(healthOf);
  }

  private async loop(): Promise<void> {
    if (this.stopped) return;
    await this.checkNow();
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.loop(), this.intervalMs);
    this.timer.unref();
  }

  private async checkMember(member: Member): Promise<void> {
    const result = await this.check(member.target, this.timeoutMs).catch(() => ({ ok: false }) as const);
    const before = member.state;
    if (result.ok) {
      member.failures = 0;
      member.state = 'up';
      member.rttMs =
        member.rttMs === undefined
          ? result.rttMs
          : member.rttMs + RTT_SMOOTHING * (result.rttMs - member.rttMs);
    } else {
      member.failures += 1;
      member.state = member.failures >= this.failuresToDown ? 'down' : 'suspect';
    }
    const changed = (before === 'down') !== (member.state === 'down') || (before === 'unknown' && result.ok);
    if (changed && !this.stopped) this.options.onChange?.(healthOf(member));
  }
}

function compareMembers(a: Member, b: Member): number {
  return (
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    (a.state === 'up' ? (a.rttMs ?? 0) - (b.rttMs ?? 0) : 0) ||
    a.rank - b.rank
  );
}

function healthOf(member: Member): TurnServerHealth {
  return {
    server: member.label,
    state: member.state,
    ...(member.rttMs === undefined ? {} : { rttMs: Math.round(member.rttMs * 10) / 10 }),
  };
}

/**
 * One member per coturn: a plain `turn:` URL names one by host and port (`?transport=udp` and
 * `?transport=tcp` on one port are one process); a `turns:` URL joins the first member on its host,
 * or else stands for a coturn whose plain UDP port is the default 3478. Each member is checked once.
 */
function groupByServer(urls: readonly string[]): Member[] {
  const members: Member[] = [];
  const endpoints = urls.map((url) => ({ url, ...parseTurnUrl(url) }));
  const add = (host: string, port: number): Member => {
    const member: Member = {
      target: { host, port },
      label: `${host.includes(':') ? `[${host}]` : host}:${port}`,
      urls: [],
      rank: members.length,
      state: 'unknown',
      failures: 0,
    };
    members.push(member);
    return member;
  };
  for (const { url, host, port, secure } of endpoints) {
    if (secure) continue;
    const member = members.find((m) => m.target.host === host && m.target.port === port) ?? add(host, port);
    member.urls.push(url);
  }
  for (const { url, host, secure } of endpoints) {
    if (!secure) continue;
    (members.find((m) => m.target.host === host) ?? add(host, DEFAULT_STUN_PORT)).urls.push(url);
  }
  return members;
}
