import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LabEnv } from './lab-env';
import { CONNECTED, epochNow, pollUntil, startLabCall, type LabCall } from './lab-call';
import { TURN_PORT, TURN_TLS_PORT } from './lab-coturn';
import { mediaFigures, sampleDoctorMedia, type LabPath, type MediaSample } from './media-sample';
import type { ShownState, UserInput } from './page-recorder';
import { readTimeline, sidePhases, type RecoveryPhases } from './recovery-phases';
import type { Scenario } from './scenarios';
import {
  deviceClockSkew,
  readArrivals,
  vitalsFigures,
  type LabArrival,
  type VitalsFigures,
} from './vitals-figures';

/**
 * Runs one scenario on a fresh call and measures it: nothing here asserts, the spec checks the
 * figures against the thresholds and the bench prints them.
 */
export interface ScenarioResult {
  readonly scenario: Scenario;
  /** Over the trouble's window, after the first ADAPT_MS (the ladder's time to step down). */
  readonly videoFps: number | null;
  readonly stethoscopeConcealedPct: number | null;
  readonly vitals: VitalsFigures;
  /** Link back (or page reloaded) → both pages connected and a new vitals batch at the doctor. */
  readonly recoveryMs: number | null;
  /** Cuts and reloads: each page's recovery steps after the link returned (where the time went). */
  readonly phases: RecoveryPhases | null;
  /** Cut → each page's banner leaves "connected" (null: it never did). */
  readonly interruptedShownMs: { readonly station: number | null; readonly doctor: number | null } | null;
  readonly doctorEnded: boolean;
  readonly stationEnded: boolean;
  /** The banner's words, in order, each once in a row, from the call being up to the end. */
  readonly statesShown: { readonly station: readonly string[]; readonly doctor: readonly string[] };
  /** Each page's banner said audio-only (data-audio-only="true") during the trouble. */
  readonly audioOnlyShown: { readonly station: boolean; readonly doctor: boolean };
  readonly audioOnlyText: { readonly station: string | null; readonly doctor: string | null };
  /** Trusted clicks and key presses on either page once the call was up (should be none). */
  readonly inputsAfterUp: readonly UserInput[];
  /** The doctor's selected path during the trouble (the TURN scenarios). */
  readonly path: LabPath | null;
  readonly durationMs: number;
}

/** Time the quality ladder is given to step down before a cap or loss window is measured. */
export const ADAPT_MS = 5000;
const BASELINE_MS = 3000;
/** After the trouble: how long the call may take to come back before it is counted as not back. */
const RECOVERY_LIMIT_MS = 60_000;
const CATCH_UP_LIMIT_MS = 60_000;
const ENDED_GRACE_MS = 5000;

export async function runScenario(env: LabEnv, scenario: Scenario): Promise<ScenarioResult> {
  const began = epochNow();
  await env.link.reset();
  const trouble = scenario.trouble;
  if (trouble.kind === 'turn') {
    await env.link.firewall({
      dropUdp: true,
      tcpOnlyTo:
        trouble.over === 'tcp' ? [env.hostPort, TURN_PORT, TURN_TLS_PORT] : [env.hostPort, TURN_TLS_PORT],
    });
  }
  const call = await startLabCall(env.browsers, env.host);
  const doctorArrivals: LabArrival[][] = [];
  const samples: MediaSample[] = [];
  let path: LabPath | null = null;
  try {
    // The baseline starts once the vitals are live: not while the replay of what was read before
    // the call connected is still arriving.
    await catchUp(call);
    const baselineFrom = epochNow();
    await sleep(BASELINE_MS);
    const baseline = { from: baselineFrom, to: epochNow() };
    let windowFrom = epochNow();
    let windowTo = windowFrom;
    let troubleEnd = windowFrom;
    let cutAt: number | null = null;
    const sampleFor = async (ms: number): Promise<void> => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        const sample = await sampleDoctorMedia(call.doctor).catch(() => null);
        if (sample !== null) {
          if (sample.t >= windowFrom + (trouble.kind === 'turn' ? 0 : ADAPT_MS)) samples.push(sample);
          path = sample.path ?? path;
        }
        await call.doctorLog.refresh();
        await call.stationLog.refresh();
        await sleep(1000);
      }
    };

    switch (trouble.kind) {
      case 'cap':
      case 'loss':
        windowFrom = epochNow();
        if (trouble.kind === 'cap') await env.link.cap(trouble.kbit);
        else await env.link.loss(trouble.percent);
        await sampleFor(trouble.seconds * 1000);
        windowTo = epochNow();
        await call.doctorLog.refresh();
        await call.stationLog.refresh();
        await env.link.reset();
        troubleEnd = epochNow();
        break;
      case 'turn':
        // The path was chosen before the call came up: nothing to adapt, the window starts now.
        windowFrom = epochNow();
        await sampleFor(trouble.seconds * 1000);
        windowTo = troubleEnd = epochNow();
        break;
      case 'cut':
        await env.link.cut();
        cutAt = windowFrom = epochNow();
        await sampleFor(trouble.seconds * 1000);
        await env.link.restore();
        windowTo = troubleEnd = epochNow();
        break;
      case 'doctor-reload':
      case 'doctor-reopen':
        await call.doctorLog.seal();
        doctorArrivals.push(await readArrivals(call.doctor));
        windowFrom = windowTo = troubleEnd = epochNow();
        if (trouble.kind === 'doctor-reload') await call.doctor.reload();
        else await reopenClosedTab(call);
        break;
      case 'station-reload':
        await call.stationLog.seal();
        windowFrom = windowTo = troubleEnd = epochNow();
        await call.station.reload();
        break;
    }

    const recoveryMs = await measureRecovery(call, troubleEnd);
    const phases = await recoveryPhases(call, trouble.kind, { from: cutAt ?? troubleEnd, to: troubleEnd });
    if (recoveryMs !== null) await catchUp(call);
    // Reading times are the station host's wall clock: the end is measured on the same clock.
    const endedAt = Date.now();
    doctorArrivals.push(await readArrivals(call.doctor));
    await call.doctorLog.refresh();
    await call.stationLog.refresh();
    const doctor = call.doctorLog.all();
    const station = call.stationLog.all();
    const during = (states: readonly ShownState[]): ShownState[] =>
      states.filter((s) => s.t >= windowFrom && s.t <= windowTo);
    const media = mediaFigures(samples);
    if (process.env['NETLAB_DUMP'] !== undefined)
      writeFileSync(
        `${process.env['NETLAB_DUMP']}/${scenario.id}-${Date.now()}.json`,
        JSON.stringify({
          window: { from: windowFrom, to: windowTo },
          baseline,
          doctorArrivals,
        }),
      );
    const audioOnly = (states: readonly ShownState[]): ShownState | undefined =>
      during(states).find((s) => s.rung === 'audio-only' || s.attributes['audio-only'] === 'true');
    return {
      scenario,
      videoFps: samples.length > 1 ? media.videoFps : null,
      stethoscopeConcealedPct: media.stethoscopeConcealedPct,
      vitals: withoutCatchUpIfNotBack(
        recoveryMs,
        combinedVitals(doctorArrivals, { from: windowFrom, to: windowTo }, endedAt, baseline),
      ),
      recoveryMs,
      phases,
      interruptedShownMs:
        cutAt === null
          ? null
          : {
              station: firstLeftConnected(station.states, cutAt),
              doctor: firstLeftConnected(doctor.states, cutAt),
            },
      doctorEnded: doctor.states.some((s) => s.t >= call.upAt && s.phase === 'ended'),
      stationEnded: station.states.some((s) => s.t >= call.upAt && s.phase === 'ended'),
      statesShown: {
        station: wordsShown(station.states, call.upAt),
        doctor: wordsShown(doctor.states, call.upAt),
      },
      audioOnlyShown: {
        station: audioOnly(station.states) !== undefined,
        doctor: audioOnly(doctor.states) !== undefined,
      },
      audioOnlyText: {
        station: shownWords(audioOnly(station.states)),
        doctor: shownWords(audioOnly(doctor.states)),
      },
      inputsAfterUp: [...station.inputs, ...doctor.inputs].filter((input) => input.t > call.upAt),
      path,
      durationMs: epochNow() - began,
    };
  } finally {
    await call.close();
    await env.link.reset();
  }
}

/**
 * What a browser's "reopen closed tab" does: the tab comes back at the address it had, with its
 * sessionStorage (not with the invite, which the page took out of the address bar).
 */
async function reopenClosedTab(call: LabCall): Promise<void> {
  const url = call.doctor.url();
  const storage = await call.doctor.evaluate<string>('JSON.stringify(Object.entries(sessionStorage))');
  await call.doctor.close();
  call.doctor = await call.doctorContext.newPage();
  await call.doctor.addInitScript(
    `(() => { if (sessionStorage.length === 0) for (const [k, v] of ${storage}) sessionStorage.setItem(k, v); })()`,
  );
  await call.doctor.goto(url);
}

/** Each page's recovery steps after the trouble, for cuts and reloads (null for the rest). */
async function recoveryPhases(
  call: LabCall,
  kind: Scenario['trouble']['kind'],
  trouble: { readonly from: number; readonly to: number },
): Promise<RecoveryPhases | null> {
  if (kind === 'cap' || kind === 'loss' || kind === 'turn') return null;
  const fresh = (await readArrivals(call.doctor)).filter((a) => a.receivedAt >= trouble.to);
  const bannerBack = (states: readonly ShownState[]): number | null => {
    const back = connectedSince(states, trouble.to);
    return back > trouble.to ? back - trouble.to : null;
  };
  return {
    station: sidePhases(await readTimeline(call.station, 'station'), trouble),
    doctor: sidePhases(await readTimeline(call.doctor, 'consultant'), trouble),
    firstVitalsMs: fresh.length === 0 ? null : Math.min(...fresh.map((a) => a.receivedAt)) - trouble.to,
    bannersConnectedMs: {
      station: bannerBack(call.stationLog.all().states),
      doctor: bannerBack(call.doctorLog.all().states),
    },
  };
}

/** Both banners connected again and a vitals batch received after `since`; null if not within the limit. */
async function measureRecovery(call: LabCall, since: number): Promise<number | null> {
  const deadline = performance.now() + RECOVERY_LIMIT_MS;
  let endedSeen: number | null = null;
  for (;;) {
    const connected =
      (await call.station.evaluate<boolean>(CONNECTED).catch(() => false)) &&
      (await call.doctor.evaluate<boolean>(CONNECTED).catch(() => false));
    const arrivals = connected ? await readArrivals(call.doctor) : [];
    const fresh = arrivals.find((a) => a.receivedAt > since);
    if (connected && fresh !== undefined) {
      // The banners' own times: when each said "connected" after the trouble ended.
      await call.doctorLog.refresh();
      await call.stationLog.refresh();
      const back = Math.max(
        connectedSince(call.doctorLog.all().states, since),
        connectedSince(call.stationLog.all().states, since),
        fresh.receivedAt,
      );
      return back - since;
    }
    if (performance.now() > deadline) return null;
    // A page that ended the call will not bring it back by itself: a few more seconds for the other
    // page to say what it makes of that, then no use waiting out the limit.
    if (endedSeen === null && (await eitherEnded(call))) endedSeen = performance.now();
    if (endedSeen !== null && performance.now() - endedSeen > ENDED_GRACE_MS) return null;
    await sleep(100);
  }
}

/** A page that ended the call will not come back by itself: no use waiting out the limit. */
async function eitherEnded(call: LabCall): Promise<boolean> {
  const ended = `document.querySelector('[data-testid="call-state"]')?.getAttribute('data-phase') === 'ended'`;
  for (const page of [call.station, call.doctor])
    if (await page.evaluate<boolean>(ended).catch(() => false)) return true;
  return false;
}

/** When the banner last turned "connected" (or `since`, if it stayed connected throughout). */
function connectedSince(states: readonly ShownState[], since: number): number {
  let at = since;
  let previous: string | null = null;
  for (const state of states) {
    if (state.phase === 'connected' && previous !== 'connected' && state.t > since) at = state.t;
    previous = state.phase;
  }
  return at;
}

/** Gives the doctor's stream time to catch up (the reliable channel backfilling), bounded. */
async function catchUp(call: LabCall): Promise<void> {
  await pollUntil(
    call.doctor,
    `(() => { const a = window.__callProbe?.consultant?.arrivals ?? []; const last = a[a.length - 1];
      return last !== undefined && Date.now() - last.newestReadingAt < 2000; })()`,
    CATCH_UP_LIMIT_MS,
  );
}

function firstLeftConnected(states: readonly ShownState[], since: number): number | null {
  const left = states.find((s) => s.t >= since && s.phase !== 'connected');
  return left === undefined ? null : left.t - since;
}

/** The banner's words, and the ladder's rung when there is one ("Connected · Patient side: …"). */
function shownWords(state: ShownState | undefined): string | null {
  if (state === undefined) return null;
  return state.rungText === '' ? state.text : `${state.text} · ${state.rungText}`;
}

function wordsShown(states: readonly ShownState[], since: number): string[] {
  const words: string[] = [];
  for (const state of states) {
    const shown = shownWords(state) ?? '';
    if (state.t < since || shown === '' || words[words.length - 1] === shown) continue;
    words.push(shown);
  }
  return words;
}

/** A call that never came back never caught up, however recent its last batch before the trouble. */
function withoutCatchUpIfNotBack(recoveryMs: number | null, figures: VitalsFigures): VitalsFigures {
  return recoveryMs === null ? { ...figures, behindAtEndMs: null } : figures;
}

/**
 * Across a doctor's reload or reopened tab, each page load has its own receiver: losses,
 * duplicates and reordering are counted within a load, and the batches between the last of one
 * load and the first of the next are counted apart (`betweenLoads`). A station reload is one load
 * of the doctor's page: the reloaded station carries its vitals session on, numbers included.
 */
function combinedVitals(
  loads: readonly LabArrival[][],
  window: { readonly from: number; readonly to: number },
  endedAt: number,
  baseline: { readonly from: number; readonly to: number },
): VitalsFigures {
  const skew = deviceClockSkew(loads.flat(), baseline);
  const perLoad = loads.map((arrivals) => vitalsFigures(arrivals, window, endedAt, skew));
  const whole = vitalsFigures(loads.flat(), window, endedAt, skew);
  let betweenLoads = 0;
  for (let i = 1; i < loads.length; i += 1) {
    const last = Math.max(-1, ...(loads[i - 1] ?? []).map((a) => a.seq));
    const first = Math.min(...(loads[i] ?? []).map((a) => a.seq));
    if (Number.isFinite(first) && first > last + 1) betweenLoads += first - last - 1;
  }
  return {
    ...whole,
    lost: perLoad.reduce((n, f) => n + f.lost, 0),
    betweenLoads,
    duplicated: perLoad.reduce((n, f) => n + f.duplicated, 0),
    reordered: perLoad.reduce((n, f) => n + f.reordered, 0),
  };
}
