import type { Page } from 'playwright-core';

/**
 * Where the time goes after the link returns: each page's recovery timeline (the call session's
 * `timeline`, read through the `probe=1` probe, recovery-timeline.ts) on the page's own monotonic
 * clock, turned into epoch ms with the page's time origin (the pages and the test share this
 * machine's clock), and reduced to the first time each step happened after the trouble ended.
 */
export interface TimelineMark {
  readonly step: string;
  /** Epoch ms. */
  readonly t: number;
  readonly gen?: number;
}

export interface SidePhases {
  /** Each step's first time after the trouble ended, ms after it, in the order they happened. */
  readonly after: readonly { readonly step: string; readonly ms: number; readonly gen?: number }[];
  /** Steps during the trouble (cut → link back), counted: e.g. 40 sockets lost, 1 peer closed. */
  readonly during: Readonly<Record<string, number>>;
  /** When the page gave up its peer during the trouble (ICE failed), ms after the trouble began. */
  readonly peerClosedMs: number | null;
  /**
   * When the page's own link watch marked the link down, ms after the trouble began: beside the
   * time its banner said so, it tells a late detection from a page too busy to show it.
   */
  readonly linkDownMs?: number | null;
}

export interface RecoveryPhases {
  readonly station: SidePhases;
  readonly doctor: SidePhases;
  /** The first vitals batch the doctor received after the trouble ended, ms after it. */
  readonly firstVitalsMs: number | null;
  /**
   * When each page's banner said "connected" again, ms after the trouble ended, as its page
   * recorder saw it (what the nurse and the doctor see; null: not seen, or never left).
   */
  readonly bannersConnectedMs?: { readonly station: number | null; readonly doctor: number | null };
}

export function readTimeline(page: Page, side: 'station' | 'consultant'): Promise<TimelineMark[]> {
  return page
    .evaluate<TimelineMark[]>(
      `(() => { const s = window.__callProbe?.${side}?.session; if (!s) return [];
        return s.timeline.marks.map((m) => ({ step: m.step, t: performance.timeOrigin + m.at, gen: m.gen })); })()`,
    )
    .catch(() => []);
}

export function sidePhases(
  marks: readonly TimelineMark[],
  trouble: { readonly from: number; readonly to: number },
): SidePhases {
  const after: { step: string; ms: number; gen?: number }[] = [];
  const during: Record<string, number> = {};
  let peerClosedMs: number | null = null;
  let linkDownMs: number | null = null;
  for (const mark of marks) {
    if (mark.t >= trouble.from && mark.t < trouble.to) {
      during[mark.step] = (during[mark.step] ?? 0) + 1;
      if (mark.step === 'peer-closed' && peerClosedMs === null) peerClosedMs = mark.t - trouble.from;
      if (mark.step === 'link-down' && linkDownMs === null) linkDownMs = mark.t - trouble.from;
    } else if (mark.t >= trouble.to && !after.some((a) => a.step === mark.step)) {
      after.push({
        step: mark.step,
        ms: mark.t - trouble.to,
        ...(mark.gen === undefined ? {} : { gen: mark.gen }),
      });
    }
  }
  return { after, during, peerClosedMs, linkDownMs };
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)}`;
const banner = (ms: number | null): string => (ms === null ? 'not seen' : `+${s(ms)} s`);

/** One line per page: `doctor: socket-open +1.02 s, resumed +1.10 s, …; during: socket-lost×40`. */
export function phaseLines(phases: RecoveryPhases): string[] {
  const line = (name: string, side: SidePhases): string => {
    const steps = side.after.map((a) => `${a.step}${a.gen === undefined ? '' : `#${a.gen}`} +${s(a.ms)}`);
    const during = Object.entries(side.during).map(([step, n]) => `${step}×${n}`);
    const closed =
      side.peerClosedMs === null ? '' : `; peer closed ${s(side.peerClosedMs)} s into the trouble`;
    const down =
      side.linkDownMs === undefined || side.linkDownMs === null
        ? ''
        : `; link marked down ${s(side.linkDownMs)} s into the trouble`;
    return `${name}: ${steps.join(', ')}${during.length > 0 ? `; during: ${during.join(' ')}` : ''}${closed}${down}`;
  };
  return [
    line('doctor', phases.doctor),
    line('station', phases.station),
    `first vitals at the doctor: ${phases.firstVitalsMs === null ? 'never' : `+${s(phases.firstVitalsMs)} s`}`,
    ...(phases.bannersConnectedMs === undefined
      ? []
      : [
          `banners connected: station ${banner(phases.bannersConnectedMs.station)}, doctor ${banner(phases.bannersConnectedMs.doctor)}`,
        ]),
  ];
}
