/**
 * The quality ladder: which rung of video this side sends, decided from what the link says about
 * what we send — the congestion controller's estimate (candidate-pair `availableOutgoingBitrate`)
 * and the loss the far end reports on our streams (remote-inbound-rtp `fractionLost`). Video gives
 * way first (resolution and frame rate, then off) so that the stethoscope and the voice keep their
 * packets; on the lowest rung the audio itself gets smaller so that audio and vitals fit 150 kbit/s
 * (rung-encodings.ts). Pure: samples in, state out; the runner applies the rung (sender-ladder.ts).
 *
 * Measured on loopback (two Chromium pages, nothing limiting): the estimate follows what we send
 * once our own caps limit it (~2× the send rate: 190–260 kbit/s on the low rung, ~800 on reduced),
 * so it says "starved" only when the link, not our cap, limits the senders (they send ≥ 70 % of
 * it), and it rarely shows room for the next rung. Loss on what we send is the other signal: the
 * 150 kbit/s link of issue 14 loses about a third of what the station offers (~233 kbit/s with both
 * videos at their floor), while a link with random loss (2 %, 10 %) loses the same whatever the
 * rate, so only loss well above that (≥ 15 %, ≥ 25 % at once) steps down.
 *
 * A sudden fall of the estimate is the first sign of a link that shrank under us: at 150 kbit/s the
 * estimate fell from ~6 Mbit/s to 80–500 kbit/s in the first sample after the cap, while the loss
 * reports (RTCP, a second or more apart) still said nothing, and every second on a rung the link
 * cannot carry keeps its queue full (~400 ms) and drops vitals and audio. So an estimate that fell
 * to half of the previous sample's or less, below the rung's need, steps down at once to the rung
 * it fits — also while a new connection's estimate ramps up (a ramp only climbs).
 *
 * Hysteresis: a step down needs two bad samples in a row (one when the loss is severe) and may
 * skip rungs to the one the link carried; a step up needs the link not congested for 30 s (15 s
 * when the estimate shows 30 % room above the next rung's need): a probe, whose wait doubles after
 * each climb that failed (stepped down again within 15 s), up to 240 s. Measured with the network
 * lab at 150 kbit/s for 60 s: a 10 s first wait gave three probes (video 1.5 fps, vitals on screen
 * p99 2.5 s); 30 s gives one (0.8 fps, stethoscope 1.1 % concealed).
 */
export const RUNGS = ['full', 'reduced', 'low', 'audio-only'] as const;
export type Rung = (typeof RUNGS)[number];

export const LADDER_RULES = {
  /** kbit/s of estimate a rung needs (video at its floor and audio with headers, and room for vitals). */
  needKbps: { full: 800, reduced: 350, low: 200, 'audio-only': 0 } as Readonly<Record<Rung, number>>,
  climbHeadroom: 1.3,
  /** The senders use this share of the estimate or more: the link limits them, not our caps. */
  networkLimitedShare: 0.7,
  /** Loss on what we send, in %: from `badPct` the link is congested, from `severePct` at once. */
  badPct: 15,
  severePct: 25,
  samplesToStepDown: 2,
  /** Not congested this long: climb one rung (half as long with room in the estimate); doubles after a failed climb. */
  probeAfterMs: 30_000,
  maxProbeAfterMs: 240_000,
  /** A step down this soon after a climb makes the climb a failed probe. */
  failedClimbMs: 15_000,
  /** How long a new connection's estimate is left to ramp up before it can step down. */
  estimateRampMs: 8000,
  /** The estimate fell to this share of the previous sample's or less: a sudden fall, acted on at once. */
  suddenFallShare: 0.5,
};

export interface LadderSample {
  readonly atMs: number;
  /** The congestion controller's estimate, kbit/s (null: no selected pair yet). */
  readonly availableOutgoingKbps: number | null;
  /** RTP payload this side sent over the interval, kbit/s. */
  readonly outboundKbps: number | null;
  /**
   * Loss on what this side sends, from the far end's reports that arrived in the interval; null
   * when no report came or nothing was sent (no packets is not 0 % loss: it says nothing).
   */
  readonly outboundLossPct: number | null;
}

export interface LadderState {
  readonly rung: Rung;
  readonly badSamples: number;
  /** Time of the last bad sample or rung change: clean since then. */
  readonly cleanSinceMs: number;
  readonly probeAfterMs: number;
  /** When this rung was climbed onto (null: reached by stepping down, or the start). */
  readonly climbedAtMs: number | null;
  /**
   * A new connection's estimate starts low (300 kbit/s) and ramps up in its first seconds: until
   * then only loss steps down.
   */
  readonly estimateTrustedFromMs: number;
  /** The previous sample's estimate, kbit/s (null: none yet on this connection). */
  readonly lastEstimateKbps: number | null;
}

export function initialLadder(nowMs: number, rung: Rung = 'full'): LadderState {
  return {
    rung,
    badSamples: 0,
    cleanSinceMs: nowMs,
    probeAfterMs: LADDER_RULES.probeAfterMs,
    climbedAtMs: null,
    estimateTrustedFromMs: nowMs + LADDER_RULES.estimateRampMs,
    lastEstimateKbps: null,
  };
}

/** A new connection: same rung (the network has not changed), its estimate ramping up again. */
export function ladderOnNewConnection(state: LadderState, nowMs: number): LadderState {
  return {
    ...state,
    badSamples: 0,
    cleanSinceMs: nowMs,
    estimateTrustedFromMs: nowMs + LADDER_RULES.estimateRampMs,
    lastEstimateKbps: null,
  };
}

const index = (rung: Rung): number => RUNGS.indexOf(rung);

/** The best rung whose need fits `kbps`, never above `from`. */
function rungFitting(kbps: number, from: Rung): Rung {
  for (let i = index(from); i < RUNGS.length; i++) {
    const rung = RUNGS[i];
    if (LADDER_RULES.needKbps[rung] <= kbps) return rung;
  }
  return 'audio-only';
}

export function nextLadder(state: LadderState, sample: LadderSample, rules = LADDER_RULES): LadderState {
  const next = nextRung(state, sample, rules);
  return { ...next, lastEstimateKbps: sample.availableOutgoingKbps ?? state.lastEstimateKbps };
}

function nextRung(state: LadderState, sample: LadderSample, rules: typeof LADDER_RULES): LadderState {
  const { atMs, availableOutgoingKbps: estimate, outboundLossPct: loss } = sample;
  const need = rules.needKbps[state.rung];
  const fell =
    estimate !== null &&
    state.lastEstimateKbps !== null &&
    estimate <= rules.suddenFallShare * state.lastEstimateKbps &&
    estimate < need;
  const networkLimited =
    estimate !== null &&
    sample.outboundKbps !== null &&
    sample.outboundKbps >= rules.networkLimitedShare * estimate;
  const starved = (networkLimited && estimate < need && atMs >= state.estimateTrustedFromMs) || fell;
  const lossy = loss !== null && loss >= rules.badPct;
  if (starved || lossy) {
    const badSamples = state.badSamples + 1;
    const severe = (loss !== null && loss >= rules.severePct) || fell;
    if (state.rung === 'audio-only' || (badSamples < rules.samplesToStepDown && !severe)) {
      return { ...state, badSamples, cleanSinceMs: atMs };
    }
    // What the link carried: the estimate, and what got through of what we sent.
    const carried = Math.min(
      estimate ?? Number.POSITIVE_INFINITY,
      lossy && sample.outboundKbps !== null
        ? sample.outboundKbps * (1 - loss / 100)
        : Number.POSITIVE_INFINITY,
    );
    const below = RUNGS[index(state.rung) + 1];
    const failedClimb = state.climbedAtMs !== null && atMs - state.climbedAtMs <= rules.failedClimbMs;
    return {
      ...state,
      rung: rungFitting(carried, below),
      badSamples: 0,
      cleanSinceMs: atMs,
      probeAfterMs: failedClimb
        ? Math.min(2 * state.probeAfterMs, rules.maxProbeAfterMs)
        : state.probeAfterMs,
      climbedAtMs: null,
    };
  }
  // A sample that says nothing (no report, no estimate) neither clears nor breaks a run.
  const clean = loss !== null;
  const next: LadderState = {
    ...state,
    badSamples: loss === null ? state.badSamples : 0,
    // A climb that held long enough resets the probe wait.
    probeAfterMs:
      state.climbedAtMs !== null && atMs - state.climbedAtMs > rules.failedClimbMs
        ? rules.probeAfterMs
        : state.probeAfterMs,
  };
  if (state.rung === 'full' || !clean) return next;
  const above = RUNGS[index(state.rung) - 1];
  const cleanFor = atMs - state.cleanSinceMs;
  const room = estimate !== null && estimate >= rules.needKbps[above] * rules.climbHeadroom;
  if (cleanFor >= (room ? state.probeAfterMs / 2 : state.probeAfterMs)) {
    // A climb is a probe: the estimate followed what we sent on the lower rung (~2× it) and needs
    // seconds to follow the new rate, so, as on a new connection, only loss or a sudden fall may
    // step down until it has ramped (else a healthy link fell straight back to audio only).
    return {
      ...next,
      rung: above,
      badSamples: 0,
      cleanSinceMs: atMs,
      climbedAtMs: atMs,
      estimateTrustedFromMs: atMs + rules.estimateRampMs,
    };
  }
  return next;
}
