import type { NetLab } from './netns';
import { run } from './command';

/**
 * What the doctor's link does, set from the test: a rate cap (`tc` tbf on both veth ends, so both
 * directions), random loss and cuts (`nft` in the doctor's namespace: `numgen random` drops, and a
 * drop-everything rule added and removed), and firewall blocks (UDP, TCP to one port) for the TURN
 * fallbacks. This kernel has no netem, so no added delay: a cap's queue is the only latency.
 * Only the veth is matched: the namespace's loopback is never touched.
 */
export interface Firewall {
  /** No UDP at all (a hospital or hotel network that lets only web traffic out). */
  readonly dropUdp: boolean;
  /** TCP only to these ports (e.g. the station's https port and TURN's), the rest dropped. */
  readonly tcpOnlyTo?: readonly number[];
}

export interface LinkImpairment {
  cap(kbitPerSecond: number): Promise<void>;
  uncap(): Promise<void>;
  /** Drops this share of packets, in each direction, at random. */
  loss(percent: number): Promise<void>;
  /** Drops everything on the link until `restore`. */
  cut(): Promise<void>;
  /** Ends loss and cuts (not caps or blocks). */
  restore(): Promise<void>;
  firewall(rules: Firewall): Promise<void>;
  /** Back to a clean link: no cap, loss, cut or firewall. */
  reset(): Promise<void>;
}

const TABLE = 'netlab';

export async function impairmentOf(lab: NetLab): Promise<LinkImpairment> {
  const nft = (script: string): Promise<string> => lab.inside('nft', ['-f', '-'], script);
  const ifname = lab.doctorInterface;
  // Two chains per direction: `firewall` (blocks, for the whole test) and `impair` (loss and cuts,
  // flushed by restore). A packet dropped by either is gone.
  await nft(`table inet ${TABLE} {
    chain firewall_out { type filter hook output priority -10; }
    chain firewall_in { type filter hook input priority -10; }
    chain impair_out { type filter hook output priority 0; }
    chain impair_in { type filter hook input priority 0; }
  }`);
  const impair = (match: string): Promise<string> =>
    nft(`flush chain inet ${TABLE} impair_out
      flush chain inet ${TABLE} impair_in
      add rule inet ${TABLE} impair_out oifname "${ifname}" ${match} drop
      add rule inet ${TABLE} impair_in iifname "${ifname}" ${match} drop`);
  const qdisc = (device: string, inNamespace: boolean, args: readonly string[]): Promise<string> =>
    inNamespace
      ? lab.inside('tc', ['qdisc', args[0], 'dev', device, ...args.slice(1)])
      : run('tc', ['qdisc', args[0], 'dev', device, ...args.slice(1)]);
  const ends = [
    { device: lab.hostInterface, inNamespace: false },
    { device: lab.doctorInterface, inNamespace: true },
  ];

  const uncap = async (): Promise<void> => {
    for (const end of ends) await qdisc(end.device, end.inNamespace, ['del', 'root']).catch(() => '');
  };
  return {
    async cap(kbit) {
      // tbf: the burst holds a few full packets; 200 ms of queue, as a modest 4G buffer would.
      const burstBytes = Math.max(4000, Math.round((kbit * 1000) / 8 / 20));
      for (const end of ends) {
        await qdisc(end.device, end.inNamespace, [
          'replace',
          'root',
          'tbf',
          'rate',
          `${kbit}kbit`,
          'burst',
          String(burstBytes),
          'latency',
          '200ms',
        ]);
      }
    },
    uncap,
    async loss(percent) {
      if (!Number.isInteger(percent) || percent < 0 || percent > 100)
        throw new RangeError(`loss is a whole percent, got ${percent}`);
      await impair(`numgen random mod 100 < ${percent}`);
    },
    async cut() {
      await impair('');
    },
    async restore() {
      await nft(`flush chain inet ${TABLE} impair_out
        flush chain inet ${TABLE} impair_in`);
    },
    async firewall(rules) {
      const lines = [`flush chain inet ${TABLE} firewall_out`, `flush chain inet ${TABLE} firewall_in`];
      if (rules.dropUdp)
        lines.push(
          `add rule inet ${TABLE} firewall_out oifname "${ifname}" meta l4proto udp drop`,
          `add rule inet ${TABLE} firewall_in iifname "${ifname}" meta l4proto udp drop`,
        );
      if (rules.tcpOnlyTo !== undefined) {
        const ports = `{ ${rules.tcpOnlyTo.join(', ')} }`;
        lines.push(
          `add rule inet ${TABLE} firewall_out oifname "${ifname}" tcp dport != ${ports} drop`,
          `add rule inet ${TABLE} firewall_in iifname "${ifname}" tcp sport != ${ports} drop`,
        );
      }
      await nft(lines.join('\n'));
    },
    async reset() {
      await uncap();
      await nft(`flush chain inet ${TABLE} impair_out
        flush chain inet ${TABLE} impair_in
        flush chain inet ${TABLE} firewall_out
        flush chain inet ${TABLE} firewall_in`);
    },
  };
}
