import type { CheckItem, CheckStatus } from '../../shared/domain/equipment-check';
import { turnCredential } from '../signaling/turn-credentials';
import { checkItem } from '../../shared/domain/equipment-check';
import { turnVerdict, type TurnLineKind } from '../../shared/domain/turn-verdict';
import { probeTurn, type TurnProbeResult } from './turn/turn-allocate';
import { FORBIDDEN_PEER_PROBES } from './turn/turn-permission';
import { peerPolicyLine } from './turn/peer-policy-line';
import type { StunTransport } from './turn/stun-channel';
import { endpointLabel, turnEndpoints, type TurnEndpoint } from './turn/turn-url';

/**
 * The call relay (TURN) as one check item: every configured server tried over UDP and TCP (or TLS
 * for a `turns:` address) with a real authenticated Allocate, each try a line under one verdict
 * (turn-verdict.ts). The credential is minted here from the server secret, for a few minutes, in
 * the same scheme the rendezvous server uses for calls: a pass proves a call's relay would be
 * granted too. On one transport per server the allocation also asks to relay to private and
 * loopback addresses, which the server must refuse (peer-deny-list.ts): one more line.
 *
 * The lines travel in `measured` (the report's items are flat): `lines` names their keys in order
 * (`udp tcp peers`, `udp-2` for a second server's), and each key holds its code, with
 * `<key>Status`, `<key>Server` and `<key>RttMs` beside it, so a screen can word them in its own
 * language and the exported JSON keeps every transport's result.
 */
export interface TurnCheckConfig {
  readonly urls: readonly string[];
  /** coturn `static-auth-secret`; without it no credential can be made. */
  readonly secret?: string;
}

export const CHECK_CREDENTIAL_TTL_S = 5 * 60;
export const TURN_ITEM_ID = 'network.turn';
const TITLE = 'Call relay (TURN)';

/** One path tried (or the peer policy, or an address that does not parse), in the host's English. */
export interface TurnLine {
  readonly kind: TurnLineKind;
  readonly status: CheckStatus;
  readonly code: string;
  readonly text: string;
  readonly fix: string;
  readonly measured: Readonly<Record<string, number | string>>;
}

export async function turnChecks(
  config: TurnCheckConfig,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<CheckItem[]> {
  const { endpoints, invalid } = turnEndpoints(config.urls);
  if (endpoints.length === 0 && invalid.length === 0)
    return [
      checkItem({
        id: TURN_ITEM_ID,
        category: 'network',
        status: 'warn',
        code: 'not-configured',
        title: TITLE,
        detail: 'No TURN server is configured.',
        fix: 'Calls work only when both sides can reach each other directly. Add a TURN server in Settings so calls also get through strict firewalls and 4G networks.',
        measured: { lines: '' },
      }),
    ];
  const invalidLines: TurnLine[] = invalid.map((url) => ({
    kind: 'url',
    status: 'fail',
    code: 'invalid-url',
    text: `${url.slice(0, 120)} is not a valid TURN address.`,
    fix: 'Correct it in Settings: turn:host:3478 or turns:host:5349.',
    measured: { server: url.slice(0, 120) },
  }));
  const secret = config.secret ?? '';
  const now = options.now ?? Date.now;
  const probes = endpoints.flatMap((endpoint) =>
    transportsOf(endpoint).map(async (transport): Promise<TurnLine[]> => {
      if (secret === '') return [noSecret(endpoint, transport)];
      const { username, credential } = turnCredential(secret, 'station-check', now(), CHECK_CREDENTIAL_TTL_S);
      // The deny list does not depend on the transport: asked once per server, on its first one.
      const asksPeers = transport === transportsOf(endpoint)[0];
      const result = await probeTurn({
        endpoint,
        transport,
        username,
        password: credential,
        ...(asksPeers ? { peerProbes: FORBIDDEN_PEER_PROBES } : {}),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      });
      const policy =
        result.ok && result.peerPolicy !== undefined ? [peerPolicyLine(endpoint, result.peerPolicy)] : [];
      return [transportLine(endpoint, result), ...policy];
    }),
  );
  const lines = [...invalidLines, ...(await Promise.all(probes)).flat()];
  return [turnItem(lines)];
}

/** A `turns:` server speaks TLS over TCP only (UDP would need DTLS, which the check does not speak). */
function transportsOf(endpoint: TurnEndpoint): readonly StunTransport[] {
  return endpoint.secure ? ['tcp'] : ['udp', 'tcp'];
}

/** The one item: the verdict over the lines, the lines as its detail, the fix of the line that matters. */
export function turnItem(lines: readonly TurnLine[]): CheckItem {
  const verdict = turnVerdict(lines);
  const keys = lineKeys(lines);
  const measured: Record<string, number | string> = { lines: keys.join(' ') };
  lines.forEach((line, index) => {
    const key = keys[index] ?? line.kind;
    measured[key] = line.code;
    measured[`${key}Status`] = line.status;
    for (const [name, value] of Object.entries(line.measured))
      measured[`${key}${name.charAt(0).toUpperCase()}${name.slice(1)}`] = value;
  });
  const summary: Record<CheckStatus, string> = {
    pass: 'Calls can go through the relay on every path tried.',
    warn: 'The relay could not be tested.',
    fail: 'No call can go through the relay.',
    skipped: 'The relay could not be tested.',
  };
  const head =
    verdict.code === 'degraded'
      ? 'Calls get through the relay, but not on every path.'
      : summary[verdict.status];
  const fixLine = verdict.fixLine === null ? undefined : lines[verdict.fixLine];
  return checkItem({
    id: TURN_ITEM_ID,
    category: 'network',
    status: verdict.status,
    code: verdict.code,
    title: TITLE,
    detail: [head, ...lines.map((line) => `${line.status.toUpperCase()} ${line.text}`)].join('\n'),
    fix: fixLine?.fix ?? '',
    measured,
  });
}

/** `udp`, `tcp`, `peers` for the first server; `udp-2`… for the next ones. */
export function lineKeys(lines: readonly Pick<TurnLine, 'kind'>[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const count = (seen.get(line.kind) ?? 0) + 1;
    seen.set(line.kind, count);
    return count === 1 ? line.kind : `${line.kind}-${count}`;
  });
}

function kindOf(endpoint: TurnEndpoint, transport: StunTransport): TurnLineKind {
  return endpoint.secure ? 'tls' : transport;
}

function pathName(endpoint: TurnEndpoint, transport: StunTransport): string {
  return endpoint.secure ? `TLS port ${endpoint.port}` : `${transport.toUpperCase()} port ${endpoint.port}`;
}

function transportLine(endpoint: TurnEndpoint, result: TurnProbeResult): TurnLine {
  const label = endpointLabel(endpoint);
  const kind = kindOf(endpoint, result.transport);
  const path = pathName(endpoint, result.transport);
  const transport = endpoint.secure ? 'TLS' : result.transport.toUpperCase();
  if (result.ok)
    return {
      kind,
      status: 'pass',
      code: 'ok',
      text: `${path}: ${label} granted a relay (${result.relayed.address}:${result.relayed.port}) in ${result.rttMs} ms round trip.`,
      fix: '',
      measured: {
        server: label,
        rttMs: result.rttMs,
        relayed: `${result.relayed.address}:${result.relayed.port}`,
      },
    };
  const fixes: Record<typeof result.reason, string> = {
    unreachable: `The TURN server ${label} cannot be reached over ${transport}. Check that it is running and that the firewall allows ${transport} port ${endpoint.port} outbound.`,
    refused: `Nothing answers at ${label} over ${transport}: start the TURN server (coturn) or correct its address in Settings; if it runs, allow ${transport} port ${endpoint.port} in its firewall.`,
    timeout: `No answer from ${label} over ${transport}: the TURN server may be stopped, or a firewall drops ${transport} port ${endpoint.port}. ${transport === 'UDP' ? 'Many corporate networks block UDP: the TCP relay is then what calls rely on.' : 'Ask the network administrator to allow it.'}`,
    'auth-failed': `The TURN server refused the station's credentials: the TURN secret given to the station must equal coturn's static-auth-secret, and the clocks of both machines must be right.`,
    rejected: `The TURN server refused the allocation: check its quotas and logs (${result.message}).`,
    'bad-response': `The server at ${label} does not answer like a TURN server: check the address and port.`,
  };
  return {
    kind,
    status: 'fail',
    code: result.reason,
    text: `${path}: ${label}: ${result.message}.`,
    fix: fixes[result.reason],
    measured: { server: label, ...(result.code === undefined ? {} : { errorCode: result.code }) },
  };
}

function noSecret(endpoint: TurnEndpoint, transport: StunTransport): TurnLine {
  return {
    kind: kindOf(endpoint, transport),
    status: 'warn',
    code: 'no-secret',
    text: `${pathName(endpoint, transport)}: ${endpointLabel(endpoint)} is configured, but the station has no TURN secret to sign credentials with.`,
    fix: 'Give the station the TURN secret (STATION_TURN_SECRET, equal to coturn static-auth-secret) and restart it.',
    measured: { server: endpointLabel(endpoint) },
  };
}
