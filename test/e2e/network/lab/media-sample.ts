import type { Page } from 'playwright-core';

/**
 * One getStats() reading on the doctor's page: frames decoded per video stream, the stethoscope's
 * samples and concealed samples, and the selected path (relayed? over which transport to TURN?).
 * Rates and shares are deltas between two samples of the same stream ids (a new peer starts new
 * ids, so a reconnect never counts as negative frames).
 */
export interface MediaSample {
  readonly t: number;
  readonly videoFrames: Readonly<Record<string, number>>;
  readonly stethoscope: Readonly<Record<string, { readonly total: number; readonly concealed: number }>>;
  readonly path: LabPath | null;
}

export interface LabPath {
  readonly localType: string;
  /** The transport to the TURN server for a relay candidate ('udp', 'tcp', 'tls'). */
  readonly relayProtocol: string | null;
  /** The transport of the pair itself ('udp' or 'tcp'). */
  readonly protocol: string;
  readonly url: string | null;
}

const SAMPLE = `(async () => {
  const p = window.__callProbe && window.__callProbe.consultant;
  const t = performance.timeOrigin + performance.now();
  if (!p) return { t, videoFrames: {}, stethoscope: {}, path: null };
  const stats = await p.session.stats().catch(() => null);
  if (stats === null) return { t, videoFrames: {}, stethoscope: {}, path: null };
  const all = [...stats.values()];
  const steth = p.remote.stethoscopeTrackIds();
  const videoFrames = {};
  const stethoscope = {};
  for (const s of all) {
    if (s.type !== 'inbound-rtp') continue;
    if (s.kind === 'video') videoFrames[s.id] = s.framesDecoded ?? 0;
    else if (steth.has(s.trackIdentifier)) stethoscope[s.id] = { total: s.totalSamplesReceived ?? 0, concealed: s.concealedSamples ?? 0 };
  }
  const transport = all.find((s) => s.type === 'transport');
  const pair = transport && stats.get(transport.selectedCandidatePairId);
  const local = pair && stats.get(pair.localCandidateId);
  const path = local ? { localType: local.candidateType, relayProtocol: local.relayProtocol ?? null, protocol: local.protocol, url: local.url ?? null } : null;
  return { t, videoFrames, stethoscope, path };
})()`;

export function sampleDoctorMedia(doctor: Page): Promise<MediaSample> {
  return doctor.evaluate<MediaSample>(SAMPLE);
}

export interface MediaFigures {
  /** The best video stream's frame rate over the window (0 when no frame was decoded). */
  readonly videoFps: number;
  /** The stethoscope's concealed samples as a share of its samples played, %; null without any. */
  readonly stethoscopeConcealedPct: number | null;
}

/** Frame rate and concealment between consecutive samples, summed over a window. */
export function mediaFigures(samples: readonly MediaSample[]): MediaFigures {
  const frames = new Map<string, number>();
  let seconds = 0;
  let total = 0;
  let concealed = 0;
  for (let i = 1; i < samples.length; i += 1) {
    const before = samples[i - 1];
    const now = samples[i];
    seconds += (now.t - before.t) / 1000;
    for (const [id, count] of Object.entries(now.videoFrames)) {
      const previous = before.videoFrames[id];
      if (previous !== undefined) frames.set(id, (frames.get(id) ?? 0) + Math.max(0, count - previous));
    }
    for (const [id, audio] of Object.entries(now.stethoscope)) {
      const previous = before.stethoscope[id];
      if (previous === undefined) continue;
      total += Math.max(0, audio.total - previous.total);
      concealed += Math.max(0, audio.concealed - previous.concealed);
    }
  }
  const best = Math.max(0, ...frames.values());
  return {
    videoFps: seconds > 0 ? best / seconds : 0,
    stethoscopeConcealedPct: total > 0 ? (100 * concealed) / total : null,
  };
}
