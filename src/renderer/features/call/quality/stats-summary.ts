import { outboundLossPct } from './outbound-loss';

/**
 * Call quality from two consecutive getStats() samples (W3C webrtc-stats; fields in
 * reference/market-and-standards.md §E2). Pure: the monitor feeds it plain stat objects, tests
 * feed it literals. Loss and bitrate are deltas between samples, so a bad minute long ago does not
 * colour the badge now.
 */
export type StatsRecord = Readonly<Record<string, unknown>> & { readonly id: string; readonly type: string };
export type StatsSample = ReadonlyMap<string, StatsRecord>;

export type Grade = 'good' | 'fair' | 'poor';

export interface StreamQuality {
  readonly lossPct: number | null;
  readonly jitterMs: number | null;
  readonly grade: Grade;
}

export interface QualitySummary {
  readonly rttMs: number | null;
  readonly lossPct: number | null;
  /** Loss on what we send, from the far end's reports (outbound-loss.ts); null: no report, or nothing sent. */
  readonly outboundLossPct: number | null;
  readonly jitterMs: number | null;
  readonly inboundKbps: number | null;
  readonly outboundKbps: number | null;
  /** The congestion controller's estimate of what we may send. */
  readonly availableOutgoingKbps: number | null;
  readonly video: { readonly width: number; readonly height: number; readonly fps: number } | null;
  /** True when the selected path goes through TURN; null before a pair is selected. */
  readonly relayed: boolean | null;
  readonly grade: Grade;
  /** The stricter gate for the stethoscope stream; null when there is none. */
  readonly stethoscope: StreamQuality | null;
}

/** Lung sounds tolerate ~2 % loss, delay variation ≤ 50 ms (IntechOpen, §A4). */
export const STETHOSCOPE_LIMITS = { goodLossPct: 2, fairLossPct: 10, goodJitterMs: 30, fairJitterMs: 50 };
/** Jitsi's pre-call thresholds for general media (§E2): 5 % good, 10 % fair. */
export const CALL_LIMITS = { goodLossPct: 5, fairLossPct: 10, goodRttMs: 300, fairRttMs: 800 };

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function ofType(sample: StatsSample, type: string): StatsRecord[] {
  return [...sample.values()].filter((record) => record.type === type);
}

function selectedPair(sample: StatsSample): StatsRecord | undefined {
  const transport = ofType(sample, 'transport')[0];
  const selectedId = transport?.['selectedCandidatePairId'];
  if (typeof selectedId === 'string') return sample.get(selectedId);
  return ofType(sample, 'candidate-pair').find(
    (pair) => pair['nominated'] === true && pair['state'] === 'succeeded',
  );
}

function lossBetween(now: StatsRecord[], before: StatsSample | null): number | null {
  let lost = 0;
  let received = 0;
  for (const record of now) {
    const previous = before?.get(record.id);
    lost += (num(record['packetsLost']) ?? 0) - (num(previous?.['packetsLost']) ?? 0);
    received += (num(record['packetsReceived']) ?? 0) - (num(previous?.['packetsReceived']) ?? 0);
  }
  const total = lost + received;
  return total > 0 ? Math.max(0, (100 * lost) / total) : null;
}

function kbpsBetween(now: StatsRecord[], before: StatsSample | null, field: string): number | null {
  if (before === null) return null;
  let bits = 0;
  let seconds = 0;
  for (const record of now) {
    const previous = before.get(record.id);
    if (previous === undefined) continue;
    bits += 8 * ((num(record[field]) ?? 0) - (num(previous[field]) ?? 0));
    seconds = Math.max(seconds, ((num(record['timestamp']) ?? 0) - (num(previous['timestamp']) ?? 0)) / 1000);
  }
  return seconds > 0 ? bits / seconds / 1000 : null;
}

function maxJitterMs(records: StatsRecord[]): number | null {
  const values = records.map((record) => num(record['jitter'])).filter((v): v is number => v !== null);
  return values.length === 0 ? null : 1000 * Math.max(...values);
}

function grade(
  lossPct: number | null,
  worse: number | null,
  limits: { good: [number, number]; fair: [number, number] },
): Grade {
  const loss = lossPct ?? 0;
  const other = worse ?? 0;
  if (loss < limits.good[0] && other <= limits.good[1]) return 'good';
  if (loss < limits.fair[0] && other <= limits.fair[1]) return 'fair';
  return 'poor';
}

/**
 * `stethoscopeTrackIds` are the track ids carrying the stethoscope: receiver tracks on the
 * consultant side (graded from `inbound-rtp`), the local input on the station (graded from the far
 * end's `remote-inbound-rtp` reports about our `outbound-rtp`).
 */
export function summarizeStats(
  now: StatsSample,
  before: StatsSample | null,
  stethoscopeTrackIds: ReadonlySet<string> = new Set(),
): QualitySummary {
  const pair = selectedPair(now);
  const rtt = num(pair?.['currentRoundTripTime']);
  const local =
    typeof pair?.['localCandidateId'] === 'string' ? now.get(pair['localCandidateId']) : undefined;
  const remote =
    typeof pair?.['remoteCandidateId'] === 'string' ? now.get(pair['remoteCandidateId']) : undefined;
  const relayed =
    local === undefined && remote === undefined
      ? null
      : local?.['candidateType'] === 'relay' || remote?.['candidateType'] === 'relay';

  const inbound = ofType(now, 'inbound-rtp');
  const outbound = ofType(now, 'outbound-rtp');
  const steth = inbound.filter((r) => stethoscopeTrackIds.has(String(r['trackIdentifier'])));
  const sentSteth = steth.length === 0 ? sentStethoscope(now, stethoscopeTrackIds) : null;
  const video = inbound
    .filter((r) => r['kind'] === 'video' && num(r['frameWidth']) !== null)
    .sort((a, b) => (num(b['frameWidth']) ?? 0) - (num(a['frameWidth']) ?? 0))[0];

  const lossPct = lossBetween(inbound, before);
  const rttMs = rtt === null ? null : rtt * 1000;
  const stethLoss = steth.length === 0 ? null : lossBetween(steth, before);
  const stethJitter = steth.length === 0 ? null : maxJitterMs(steth);
  return {
    rttMs,
    lossPct,
    outboundLossPct: outboundLossPct(now, before),
    jitterMs: maxJitterMs(inbound),
    inboundKbps: kbpsBetween(inbound, before, 'bytesReceived'),
    outboundKbps: kbpsBetween(outbound, before, 'bytesSent'),
    availableOutgoingKbps: ((v) => (v === null ? null : v / 1000))(num(pair?.['availableOutgoingBitrate'])),
    video:
      video === undefined
        ? null
        : {
            width: num(video['frameWidth']) ?? 0,
            height: num(video['frameHeight']) ?? 0,
            fps: num(video['framesPerSecond']) ?? 0,
          },
    relayed,
    grade: grade(lossPct, rttMs, {
      good: [CALL_LIMITS.goodLossPct, CALL_LIMITS.goodRttMs],
      fair: [CALL_LIMITS.fairLossPct, CALL_LIMITS.fairRttMs],
    }),
    stethoscope:
      steth.length === 0
        ? sentSteth
        : {
            lossPct: stethLoss,
            jitterMs: stethJitter,
            grade: grade(stethLoss, stethJitter, {
              good: [STETHOSCOPE_LIMITS.goodLossPct, STETHOSCOPE_LIMITS.goodJitterMs],
              fair: [STETHOSCOPE_LIMITS.fairLossPct, STETHOSCOPE_LIMITS.fairJitterMs],
            }),
          },
  };
}

/** What the consultant reports receiving of our stethoscope stream (RTCP receiver reports). */
function sentStethoscope(now: StatsSample, trackIds: ReadonlySet<string>): StreamQuality | null {
  const source = ofType(now, 'media-source').find((r) => trackIds.has(String(r['trackIdentifier'])));
  const outbound = ofType(now, 'outbound-rtp').find(
    (r) => source !== undefined && r['mediaSourceId'] === source.id,
  );
  const report = ofType(now, 'remote-inbound-rtp').find(
    (r) => outbound !== undefined && r['localId'] === outbound.id,
  );
  if (report === undefined) return null;
  const fraction = num(report['fractionLost']);
  const lossPct = fraction === null ? null : 100 * fraction;
  const jitter = num(report['jitter']);
  const jitterMs = jitter === null ? null : 1000 * jitter;
  return {
    lossPct,
    jitterMs,
    grade: grade(lossPct, jitterMs, {
      good: [STETHOSCOPE_LIMITS.goodLossPct, STETHOSCOPE_LIMITS.goodJitterMs],
      fair: [STETHOSCOPE_LIMITS.fairLossPct, STETHOSCOPE_LIMITS.fairJitterMs],
    }),
  };
}
