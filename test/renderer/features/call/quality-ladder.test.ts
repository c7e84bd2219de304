import {
  initialLadder,
  ladderOnNewConnection,
  LADDER_RULES,
  nextLadder,
  type LadderSample,
  type LadderState,
  type Rung,
} from '../../../../src/renderer/features/call/quality/quality-ladder';
import { RUNG_ENCODINGS } from '../../../../src/renderer/features/call/quality/rung-encodings';

/** The ladder's decisions are a pure function of stats samples, one a second, on an injected clock. */
const T0 = 1_000_000;
const ramped = (): LadderState => ({ ...initialLadder(T0), estimateTrustedFromMs: T0 });

const sample = (atMs: number, patch: Partial<LadderSample> = {}): LadderSample => ({
  atMs,
  availableOutgoingKbps: 2500,
  outboundKbps: 1800,
  outboundLossPct: 0,
  ...patch,
});

/** Feeds one sample a second from `from`, returns the state and every rung it went through. */
function run(
  state: LadderState,
  from: number,
  seconds: number,
  patch: Partial<LadderSample> | ((atMs: number) => Partial<LadderSample>),
): { state: LadderState; rungs: Rung[]; end: number } {
  const rungs: Rung[] = [];
  let at = from;
  for (let i = 0; i < seconds; i++) {
    at += 1000;
    state = nextLadder(state, sample(at, typeof patch === 'function' ? patch(at) : patch));
    rungs.push(state.rung);
  }
  return { state, rungs, end: at };
}

describe('quality ladder: stepping down', () => {
  it('stays on full video while the estimate is ample and nothing is lost', () => {
    expect(run(ramped(), T0, 30, {}).rungs.every((rung) => rung === 'full')).toBe(true);
  });

  it('one rung per two bad samples when the estimate sinks slowly: reduced, low, audio only', () => {
    let state = ramped();
    // The senders use what the estimate allows: the link limits them.
    state = run(state, T0, 2, { availableOutgoingKbps: 600, outboundKbps: 560 }).state;
    expect(state.rung).toBe('reduced');
    state = run(state, T0 + 2000, 2, { availableOutgoingKbps: 300, outboundKbps: 280 }).state;
    expect(state.rung).toBe('low');
    state = run(state, T0 + 4000, 2, { availableOutgoingKbps: 150, outboundKbps: 140 }).state;
    expect(state.rung).toBe('audio-only');
  });

  it('an estimate that only follows our own caps (app-limited) is not starvation', () => {
    // Measured on loopback: ~2× the send rate once the rung caps the senders.
    const low = { ...initialLadder(T0, 'low'), estimateTrustedFromMs: T0, probeAfterMs: 160_000 };
    const { rungs } = run(low, T0, 30, { availableOutgoingKbps: 190, outboundKbps: 110 });
    expect(rungs.every((rung) => rung === 'low')).toBe(true);
  });

  it('a single bad sample is not enough; a clean one in between resets the count', () => {
    const { rungs } = run(ramped(), T0, 6, (at) => ({ outboundLossPct: at % 2000 === 0 ? 18 : 0 }));
    expect(rungs.every((rung) => rung === 'full')).toBe(true);
  });

  it('severe loss on what we send steps down at once, to the rung the link carried', () => {
    // 150 kbit/s cap: the station sends 233 kbit/s (videos at their floor), a third is lost.
    const state = nextLadder(
      ramped(),
      sample(T0 + 1000, { availableOutgoingKbps: 233, outboundKbps: 233, outboundLossPct: 35 }),
    );
    expect(state.rung).toBe('audio-only');
  });

  it('moderate loss steps down one rung after two samples, even with a high estimate', () => {
    const { rungs } = run(ramped(), T0, 2, { outboundLossPct: 18, outboundKbps: 1800 });
    expect(rungs).toEqual(['full', 'reduced']);
  });

  it('random loss that does not depend on the rate (2 %, 10 %) leaves the video alone', () => {
    for (const loss of [2, 10, 14]) {
      expect(run(ramped(), T0, 60, { outboundLossPct: loss }).rungs.every((rung) => rung === 'full')).toBe(
        true,
      );
    }
  });

  it('loss on what we receive is not ours to act on: the sample carries only outbound loss', () => {
    // A sample with no report (null) says nothing: it neither steps down nor counts as clean.
    const { rungs } = run(ramped(), T0, 10, { outboundLossPct: null });
    expect(rungs.every((rung) => rung === 'full')).toBe(true);
  });

  it('a sample with no packets is not 0 % loss: nulls between two bad samples keep the run', () => {
    let state = nextLadder(ramped(), sample(T0 + 1000, { outboundLossPct: 18 }));
    state = nextLadder(state, sample(T0 + 2000, { outboundLossPct: null }));
    state = nextLadder(state, sample(T0 + 3000, { outboundLossPct: 18 }));
    expect(state.rung).toBe('reduced');
  });

  it('a new connection’s estimate ramps up from 300 kbit/s: only loss counts for its first seconds', () => {
    let state = initialLadder(T0);
    const ramping = { availableOutgoingKbps: 300, outboundKbps: 290 };
    state = run(state, T0, 5, ramping).state;
    expect(state.rung).toBe('full');
    state = ladderOnNewConnection(state, T0 + 5000);
    expect(run(state, T0 + 5000, 5, ramping).state.rung).toBe('full');
    // Loss still counts: what got through (290 × 0.7) fits the low rung.
    expect(run(state, T0 + 5000, 1, { ...ramping, outboundLossPct: 30 }).state.rung).toBe('low');
  });

  it('a sudden fall of the estimate steps down at once, ramping or not, to the rung it fits', () => {
    // Measured at the start of a 150 kbit/s cap: ~6 Mbit/s, then 80–500 kbit/s one sample later,
    // before any loss report said anything.
    let state = nextLadder(initialLadder(T0), sample(T0 + 1000, { availableOutgoingKbps: 6000 }));
    state = nextLadder(state, sample(T0 + 2000, { availableOutgoingKbps: 300, outboundLossPct: null }));
    expect(state.rung).toBe('low');
    state = nextLadder(state, sample(T0 + 3000, { availableOutgoingKbps: 90, outboundLossPct: null }));
    expect(state.rung).toBe('audio-only');
  });

  it('an estimate that eases down, or falls and still carries the rung, is no sudden fall', () => {
    const after = (from: number, to: number): Rung => {
      const state = nextLadder(
        ramped(),
        sample(T0 + 1000, { availableOutgoingKbps: from, outboundKbps: 300 }),
      );
      return nextLadder(state, sample(T0 + 2000, { availableOutgoingKbps: to, outboundKbps: 300 })).rung;
    };
    expect(after(2500, 1300)).toBe('full'); // 52 %: the controller easing off
    expect(after(3000, 1000)).toBe('full'); // halved, but full video still fits
    expect(after(1000, 450)).toBe('reduced'); // halved and below full's need
  });

  it('audio only is the floor', () => {
    const down = nextLadder(ramped(), sample(T0 + 1000, { outboundKbps: 100, outboundLossPct: 50 }));
    expect(run(down, T0 + 1000, 10, { availableOutgoingKbps: 50, outboundLossPct: 40 }).state.rung).toBe(
      'audio-only',
    );
  });
});

describe('quality ladder: stepping back up, with hysteresis', () => {
  const audioOnly = (at: number): LadderState => ({
    ...initialLadder(at, 'audio-only'),
    estimateTrustedFromMs: at,
  });

  const PROBE_S = LADDER_RULES.probeAfterMs / 1000;

  it('climbs one rung at a time, half the probe wait apart when the estimate has 30 % headroom', () => {
    const half = PROBE_S / 2;
    const { rungs } = run(audioOnly(T0), T0, 3 * half + 2, { availableOutgoingKbps: 2000 });
    expect(rungs[half - 2]).toBe('audio-only');
    expect(rungs[half - 1]).toBe('low');
    expect(rungs[2 * half - 1]).toBe('reduced');
    expect(rungs[3 * half - 1]).toBe('full');
  });

  it('an estimate just above the next rung’s need is no room: the climb waits for the full probe time', () => {
    const edge = LADDER_RULES.needKbps.low * 1.1;
    const { rungs } = run(audioOnly(T0), T0, PROBE_S + 2, { availableOutgoingKbps: edge, outboundKbps: 60 });
    expect(rungs.indexOf('low')).toBe(PROBE_S - 1); // the whole wait, not half
  });

  it('without an estimate that says so, probes after the wait; a failed probe doubles the wait', () => {
    let state = audioOnly(T0);
    const flat = { availableOutgoingKbps: 150, outboundKbps: 60 };
    let result = run(state, T0, PROBE_S, flat);
    expect(result.rungs.indexOf('low')).toBe(PROBE_S - 1);
    state = result.state;
    // The probe fails: severe loss as soon as video comes back.
    state = nextLadder(state, sample(result.end + 1000, { ...flat, outboundKbps: 200, outboundLossPct: 30 }));
    expect(state.rung).toBe('audio-only');
    expect(state.probeAfterMs).toBe(2 * LADDER_RULES.probeAfterMs);
    result = run(state, result.end + 1000, 2 * PROBE_S, flat);
    expect(result.rungs.indexOf('low')).toBe(2 * PROBE_S - 1);
    // The waits are bounded.
    let s = result.state;
    for (let i = 0; i < 10; i++)
      s = { ...s, probeAfterMs: Math.min(2 * s.probeAfterMs, LADDER_RULES.maxProbeAfterMs) };
    expect(s.probeAfterMs).toBe(LADDER_RULES.maxProbeAfterMs);
  });

  it('a climb is a probe: an estimate that has not yet followed the new rate does not undo it', () => {
    // On audio only the estimate follows what we send (~2× ~60 kbit/s); video back on the low rung
    // sends more than that until the estimate ramps up. Only loss may end the probe meanwhile.
    const flat = { availableOutgoingKbps: 150, outboundKbps: 60 };
    const climbed = run(audioOnly(T0), T0, PROBE_S, flat);
    expect(climbed.state.rung).toBe('low');
    const ramp = LADDER_RULES.estimateRampMs / 1000;
    const during = run(climbed.state, climbed.end, ramp - 1, {
      availableOutgoingKbps: 150,
      outboundKbps: 230,
    });
    expect(during.rungs.every((rung) => rung === 'low')).toBe(true);
    // Once ramped, an estimate still below the rung's need while the link limits us steps down.
    const after = run(during.state, during.end, 3, { availableOutgoingKbps: 150, outboundKbps: 140 });
    expect(after.state.rung).toBe('audio-only');
  });

  it('a climb that holds resets the probe wait', () => {
    let state: LadderState = { ...audioOnly(T0), probeAfterMs: 80_000 };
    const result = run(state, T0, 40, { availableOutgoingKbps: 2000 }); // room: half of 80 s
    expect(result.state.rung).toBe('low');
    state = run(result.state, result.end, 16, { availableOutgoingKbps: 400 }).state;
    expect(state.probeAfterMs).toBe(LADDER_RULES.probeAfterMs);
  });

  it('a bad sample restarts the clean time needed to climb', () => {
    const { rungs } = run(audioOnly(T0), T0, PROBE_S, (at) => ({
      availableOutgoingKbps: 2000,
      outboundLossPct: at === T0 + 3000 ? 18 : 0,
    }));
    expect(rungs.indexOf('low')).toBe(3 + PROBE_S / 2 - 1); // half the wait after the bad sample at 3 s
  });
});

describe('rung encodings', () => {
  it('audio keeps priority on every rung; video stops only on the lowest', () => {
    for (const rung of Object.keys(RUNG_ENCODINGS) as Rung[]) {
      for (const role of ['stethoscope', 'voice'] as const) {
        expect(RUNG_ENCODINGS[rung][role]).toMatchObject({
          active: true,
          priority: 'high',
          networkPriority: 'high',
        });
      }
      expect(RUNG_ENCODINGS[rung]['room-video'].active).toBe(rung !== 'audio-only');
      expect(RUNG_ENCODINGS[rung]['room-video'].priority).toBe('low');
    }
  });

  it('video gets smaller and slower rung by rung', () => {
    const rungs: Rung[] = ['full', 'reduced', 'low'];
    const room = rungs.map((rung) => RUNG_ENCODINGS[rung]['room-video']);
    for (let i = 1; i < room.length; i++) {
      expect(room[i].maxBitrate!).toBeLessThan(room[i - 1].maxBitrate!);
      expect(room[i].maxFramerate!).toBeLessThan(room[i - 1].maxFramerate!);
      expect(room[i].scaleResolutionDownBy!).toBeGreaterThan(room[i - 1].scaleResolutionDownBy!);
    }
  });

  it('on the lowest rung the audio with its headers and the vitals fit 150 kbit/s', () => {
    const audio = RUNG_ENCODINGS['audio-only'];
    // 50 packets/s a stream, ~62 bytes of RTP, SRTP, UDP and IPv4 headers each.
    const headersKbps = (2 * 50 * 62 * 8) / 1000;
    const vitalsWireKbps = 10; // bench: one oximeter, 100 ms window, on the wire
    const total =
      (audio.stethoscope.maxBitrate! + audio.voice.maxBitrate!) / 1000 + headersKbps + vitalsWireKbps;
    expect(total).toBeLessThan(150 * 0.85);
    // Still wideband for a stethoscope: Opus codes at least 8 kHz of audio band from 24 kbit/s mono.
    expect(audio.stethoscope.maxBitrate!).toBeGreaterThanOrEqual(24_000);
  });
});
