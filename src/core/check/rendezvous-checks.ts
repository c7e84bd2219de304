import type { CheckItem } from '../../shared/domain/equipment-check';
import { checkItem } from '../../shared/domain/equipment-check';
import { latencyVerdict, throughputVerdict, WEAK_LINK_ADVICE } from './network-verdicts';
import { probeRendezvous, type RendezvousProbeOptions, type TransferResult } from './rendezvous-probe';

/** The rendezvous items: reachability with round trip and jitter, then upload and download. */
export async function rendezvousChecks(
  origin: string | null,
  options: Omit<RendezvousProbeOptions, 'origin'> = {},
): Promise<CheckItem[]> {
  const title = 'Rendezvous server';
  if (origin === null) {
    return [
      checkItem({
        id: 'network.rendezvous',
        category: 'network',
        status: 'fail',
        code: 'not-configured',
        title,
        detail: 'No rendezvous server is running or configured.',
        fix: 'Restart the station, or set the rendezvous server address in Settings.',
      }),
    ];
  }
  const probe = await probeRendezvous({ ...options, origin });
  if (!probe.reachable) {
    return [
      checkItem({
        id: 'network.rendezvous',
        category: 'network',
        status: 'fail',
        code: 'unreachable',
        title,
        detail: `${origin} did not answer: ${probe.message}.`,
        fix: 'Check the internet connection and the rendezvous server address in Settings; if the practice has a firewall or proxy, ask for this address to be allowed.',
        measured: { origin },
      }),
    ];
  }
  const { verdict, status } = latencyVerdict(probe.rttMs, probe.jitterMs);
  const items = [
    checkItem({
      id: 'network.rendezvous',
      category: 'network',
      status,
      code: verdict,
      title,
      detail: `Reachable: round trip ${probe.rttMs} ms, jitter ${probe.jitterMs} ms (${probe.samples} of ${probe.samples + probe.lost} pings answered).`,
      fix:
        status === 'pass'
          ? ''
          : `The connection is slow or unsteady: sound and video may lag. ${WEAK_LINK_ADVICE}`,
      measured: {
        origin,
        rttMs: probe.rttMs,
        jitterMs: probe.jitterMs,
        maxRttMs: probe.maxRttMs,
        lost: probe.lost,
      },
    }),
  ];
  if (probe.upload !== null) items.push(transferItem('upload', probe.upload));
  if (probe.download !== null) items.push(transferItem('download', probe.download));
  return items;
}

function transferItem(direction: 'upload' | 'download', result: TransferResult): CheckItem {
  const id = `network.${direction}`;
  const title = direction === 'upload' ? 'Upload speed' : 'Download speed';
  if (result.outcome !== 'measured') {
    const fix =
      result.outcome === 'not-offered'
        ? 'Start the rendezvous server with --check-endpoints to measure throughput.'
        : result.outcome === 'rate-limited'
          ? 'Wait a minute and run the check again.'
          : `Check the connection. ${WEAK_LINK_ADVICE}`;
    return checkItem({
      id,
      category: 'network',
      status: result.outcome === 'failed' ? 'fail' : 'skipped',
      code: result.outcome,
      title,
      detail: `Not measured: ${result.message}.`,
      fix,
    });
  }
  const { verdict, status } = throughputVerdict(result.kbps);
  const rate = formatKbps(result.kbps);
  const detail = {
    'full-video': `${rate}: enough for full video.`,
    'reduced-video': `${rate}: video will be reduced (lower resolution and frame rate).`,
    'audio-only': `${rate}: only audio and vital signs will get through.`,
  }[verdict];
  return checkItem({
    id,
    category: 'network',
    status,
    code: verdict,
    title,
    detail,
    fix: status === 'pass' ? '' : WEAK_LINK_ADVICE,
    measured: { [`${direction}Kbps`]: result.kbps, bytes: result.bytes, ms: result.ms },
  });
}

export function formatKbps(kbps: number): string {
  return kbps >= 1000 ? `${(kbps / 1000).toFixed(1)} Mbit/s` : `${kbps} kbit/s`;
}
