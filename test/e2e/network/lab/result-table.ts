import type { ScenarioResult } from './run-scenario';
import { checksFor } from './thresholds';

/** Issue 14's table, one row per scenario, for the bench and the spec's output. */
export const TABLE_HEADER = [
  'Scenario',
  'Video fps',
  'Steth. concealed %',
  'Vitals p99 on screen',
  'Lost / dup.',
  'Recovery',
  'States shown',
] as const;

const fixed = (value: number | null, digits: number): string =>
  value === null ? '–' : value.toFixed(digits);
const latency = (ms: number | null): string => (ms === null ? '–' : `${Math.round(ms)} ms`);
const seconds = (ms: number | null): string => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);

export function tableRow(r: ScenarioResult): string[] {
  const interrupted =
    r.interruptedShownMs === null
      ? ''
      : ` (interruption shown: station ${seconds(r.interruptedShownMs.station)}, doctor ${seconds(r.interruptedShownMs.doctor)})`;
  return [
    r.scenario.label,
    fixed(r.videoFps, 1),
    fixed(r.stethoscopeConcealedPct, 1),
    `${latency(r.vitals.p99Ms)} (each batch ${latency(r.vitals.eachBatchP99Ms)}, record ${latency(r.vitals.recordP99Ms)})`,
    `${r.vitals.lost} / ${r.vitals.duplicated}${r.vitals.betweenLoads > 0 ? ` (${r.vitals.betweenLoads} not on the reloaded page)` : ''}`,
    `${r.recoveryMs === null && r.scenario.trouble.kind !== 'cut' && !isRejoin(r) ? '–' : r.recoveryMs === null ? 'never' : seconds(r.recoveryMs)}${interrupted}`,
    `station: ${r.statesShown.station.join(' → ')} | doctor: ${r.statesShown.doctor.join(' → ')}`,
  ];
}

const isRejoin = (r: ScenarioResult): boolean =>
  ['doctor-reload', 'doctor-reopen', 'station-reload'].includes(r.scenario.trouble.kind);

export function markdownTable(results: readonly ScenarioResult[]): string {
  return [
    `| ${TABLE_HEADER.join(' | ')} |`,
    `|${TABLE_HEADER.map(() => '---').join('|')}|`,
    ...results.map((r) => `| ${tableRow(r).join(' | ')} |`),
  ].join('\n');
}

export function checkLines(result: ScenarioResult): string[] {
  return checksFor(result).map(
    (c) => `${c.ok ? 'ok  ' : 'FAIL'} ${result.scenario.id}: ${c.name} — ${c.measured}`,
  );
}
