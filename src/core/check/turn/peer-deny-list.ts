/**
 * Where a TURN relay must never send: the relay host's own loopback, the private networks around
 * it, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local and
 * multicast. Without these lines, anyone holding a call's TURN credential (a doctor's link yields
 * one) can use coturn as a door into the network it stands in. coturn 4.6 takes ranges as
 * `first-last` (not CIDR); IPv6 lines include the IPv4-mapped and NAT64 forms, which would reach
 * the same IPv4 hosts. The README's coturn command, the test coturn and the equipment check all
 * use this one list.
 */
export interface DeniedPeerRange {
  readonly range: string;
  readonly what: string;
}

export const DENIED_PEER_RANGES: readonly DeniedPeerRange[] = [
  { range: '0.0.0.0-0.255.255.255', what: '"this network" (0.0.0.0/8)' },
  { range: '10.0.0.0-10.255.255.255', what: 'private (10.0.0.0/8)' },
  { range: '100.64.0.0-100.127.255.255', what: 'carrier-grade NAT (100.64.0.0/10)' },
  { range: '127.0.0.0-127.255.255.255', what: 'loopback (127.0.0.0/8)' },
  { range: '169.254.0.0-169.254.255.255', what: 'link-local, cloud metadata (169.254.0.0/16)' },
  { range: '172.16.0.0-172.31.255.255', what: 'private (172.16.0.0/12)' },
  { range: '192.0.0.0-192.0.0.255', what: 'IETF protocol assignments (192.0.0.0/24)' },
  { range: '192.168.0.0-192.168.255.255', what: 'private (192.168.0.0/16)' },
  { range: '198.18.0.0-198.19.255.255', what: 'benchmarking (198.18.0.0/15)' },
  { range: '224.0.0.0-255.255.255.255', what: 'multicast, reserved, broadcast (224.0.0.0/3)' },
  { range: '::1', what: 'IPv6 loopback' },
  { range: '::ffff:0.0.0.0-::ffff:255.255.255.255', what: 'IPv4-mapped (::ffff:0:0/96)' },
  { range: '64:ff9b::-64:ff9b::ffff:ffff', what: 'NAT64 (64:ff9b::/96)' },
  { range: 'fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', what: 'unique-local (fc00::/7)' },
  { range: 'fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', what: 'link-local (fe80::/10)' },
  { range: 'ff00::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', what: 'multicast (ff00::/8)' },
];

/**
 * coturn's peer options: every denied range, then the exceptions. coturn checks `allowed-peer-ip`
 * before `denied-peer-ip`, so a test relay on loopback allows exactly its own address
 * (127.0.0.1, with `--allow-loopback-peers`, which coturn needs before it looks at either list)
 * while the rest of 127.0.0.0/8 and every private range stay denied. Production allows none.
 */
export function coturnPeerArgs(allowedPeers: readonly string[] = []): string[] {
  return [
    '--no-multicast-peers',
    ...DENIED_PEER_RANGES.map(({ range }) => `--denied-peer-ip=${range}`),
    ...allowedPeers.map((peer) => `--allowed-peer-ip=${peer}`),
  ];
}
