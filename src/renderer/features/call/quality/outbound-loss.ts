import type { StatsRecord, StatsSample } from './stats-summary';

/**
 * Loss on what this side sends, in %, from the far end's receiver reports (remote-inbound-rtp
 * `fractionLost`) that arrived since the previous sample, weighted by the packets each stream sent.
 * It is what tells a sender its link is congested: the loss on what it receives is the other
 * direction's business. Null when no new report arrived or nothing was sent: no packets is not
 * 0 % loss, it says nothing.
 */
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function freshReport(report: StatsRecord, previous: StatsRecord | undefined): boolean {
  if (previous === undefined) return true;
  const count = num(report['reportsReceived']);
  const before = num(previous['reportsReceived']);
  if (count !== null && before !== null) return count > before;
  return num(report['timestamp']) !== num(previous['timestamp']);
}

export function outboundLossPct(now: StatsSample, before: StatsSample | null): number | null {
  let lost = 0;
  let sent = 0;
  for (const report of now.values()) {
    if (report.type !== 'remote-inbound-rtp') continue;
    const fraction = num(report['fractionLost']);
    if (fraction === null || !freshReport(report, before?.get(report.id))) continue;
    const outboundId = report['localId'];
    const outbound = typeof outboundId === 'string' ? now.get(outboundId) : undefined;
    const packets =
      (num(outbound?.['packetsSent']) ?? 0) -
      (typeof outboundId === 'string' ? (num(before?.get(outboundId)?.['packetsSent']) ?? 0) : 0);
    if (packets <= 0) continue;
    lost += fraction * packets;
    sent += packets;
  }
  return sent > 0 ? (100 * lost) / sent : null;
}
