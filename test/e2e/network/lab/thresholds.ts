import type { ScenarioResult } from './run-scenario';

/**
 * Issue 14's thresholds, as named checks on a scenario's figures: the spec asserts them (with the
 * known gaps listed apart), the bench prints which hold.
 */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  /** What was measured, for the failure message and the bench. */
  readonly measured: string;
}

export const LIMITS = {
  stethoscopeConcealedPct: 5,
  vitalsP99Ms: 1000,
  /** Link back → call back. */
  recoveryMs: 5000,
  /** Cut → "connection interrupted" on both pages. */
  interruptedShownMs: 2000,
  /** At the end the doctor's newest reading is at most this old (the stream caught up). */
  caughtUpMs: 3000,
  /** A reloaded or reopened page: back within this (no threshold in the issue; a bound). */
  rejoinMs: 15_000,
  /** Video counted as paused below this frame rate. */
  pausedFps: 1,
};

const AUDIO_ONLY_WORDS = /audio and vitals only.*video paused/i;

const check = (name: string, ok: boolean, measured: string): Check => ({ name, ok, measured });
const ms = (value: number | null): string => (value === null ? 'never' : `${Math.round(value)} ms`);

export function checksFor(result: ScenarioResult): Check[] {
  const { vitals } = result;
  const trouble = result.scenario.trouble;
  const checks: Check[] = [
    check(
      'nobody clicked after the call was up',
      result.inputsAfterUp.length === 0,
      JSON.stringify(result.inputsAfterUp),
    ),
    check(
      "the doctor's page never ended the call",
      !result.doctorEnded,
      result.statesShown.doctor.join(' → '),
    ),
    check(
      "the station's page never ended the call",
      !result.stationEnded,
      result.statesShown.station.join(' → '),
    ),
    check(
      'vitals: caught up at the end',
      vitals.behindAtEndMs !== null && vitals.behindAtEndMs <= LIMITS.caughtUpMs,
      `${ms(vitals.behindAtEndMs)} behind`,
    ),
  ];
  // Also across a station reload: the reloaded page carries the vitals session on (same numbers).
  checks.push(
    check(
      'vitals: exactly once, in order',
      vitals.lost === 0 && vitals.duplicated === 0 && vitals.reordered === 0,
      `${vitals.batches} batches, lost ${vitals.lost}, duplicated ${vitals.duplicated}, reordered ${vitals.reordered}`,
    ),
  );
  switch (trouble.kind) {
    case 'cap':
      // Video's frame rate is measured, not asserted: the ladder probes back up now and then, so
      // "paused" is what both pages say, checked below.
      checks.push(
        check(
          `stethoscope concealed ≤ ${LIMITS.stethoscopeConcealedPct} %`,
          result.stethoscopeConcealedPct !== null &&
            result.stethoscopeConcealedPct <= LIMITS.stethoscopeConcealedPct,
          `${pct(result.stethoscopeConcealedPct)} %`,
        ),
        vitalsLatency(result),
        ...(['station', 'doctor'] as const).map((page) =>
          check(
            `the ${page}'s page says audio and vitals only, video paused`,
            result.audioOnlyShown[page] && AUDIO_ONLY_WORDS.test(result.audioOnlyText[page] ?? ''),
            result.audioOnlyText[page] ?? result.statesShown[page].join(' → '),
          ),
        ),
      );
      break;
    case 'loss':
      // The issue sets no concealment or latency bound under random loss (those are the cap's):
      // they are measured and printed, not asserted. Measured here: vitals p99 0.15–3.4 s, as a
      // lost SCTP chunk waits for its retransmission and holds back the ordered stream.
      checks.push(
        check(
          'video keeps playing',
          (result.videoFps ?? 0) >= LIMITS.pausedFps,
          `${fps(result.videoFps)} fps`,
        ),
      );
      break;
    case 'cut':
      checks.push(
        check(
          `call back ≤ ${LIMITS.recoveryMs / 1000} s after the link returns`,
          result.recoveryMs !== null && result.recoveryMs <= LIMITS.recoveryMs,
          ms(result.recoveryMs),
        ),
        ...(['station', 'doctor'] as const).map((page) => {
          const shown = result.interruptedShownMs?.[page] ?? null;
          return check(
            `the ${page}'s page shows the interruption ≤ ${LIMITS.interruptedShownMs / 1000} s after the cut`,
            shown !== null && shown <= LIMITS.interruptedShownMs,
            ms(shown),
          );
        }),
      );
      break;
    case 'doctor-reload':
    case 'doctor-reopen':
    case 'station-reload':
      checks.push(
        check(
          `call back ≤ ${LIMITS.rejoinMs / 1000} s without a new link`,
          result.recoveryMs !== null && result.recoveryMs <= LIMITS.rejoinMs,
          ms(result.recoveryMs),
        ),
      );
      break;
    case 'turn':
      checks.push(
        check(
          `relayed over TURN ${trouble.over.toUpperCase()}`,
          result.path?.localType === 'relay' && result.path.relayProtocol === trouble.over,
          JSON.stringify(result.path),
        ),
        check('video plays', (result.videoFps ?? 0) >= LIMITS.pausedFps, `${fps(result.videoFps)} fps`),
      );
      break;
  }
  return checks;
}

function vitalsLatency(result: ScenarioResult): Check {
  return check(
    `vitals on screen: latency p99 ≤ ${LIMITS.vitalsP99Ms} ms`,
    result.vitals.p99Ms !== null && result.vitals.p99Ms <= LIMITS.vitalsP99Ms,
    `live view p99 ${ms(result.vitals.p99Ms)} (p50 ${ms(result.vitals.p50Ms)}, max ${ms(result.vitals.maxMs)}); each batch's first arrival p99 ${ms(result.vitals.eachBatchP99Ms)} (${result.vitals.late} arrived after a newer one); record p99 ${ms(result.vitals.recordP99Ms)}`,
  );
}

const fps = (value: number | null): string => (value === null ? '–' : value.toFixed(1));
const pct = (value: number | null): string => (value === null ? '–' : value.toFixed(1));
