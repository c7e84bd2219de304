import type { CheckItem } from '../../shared/domain/equipment-check';
import { turnCredential } from '../signaling/turn-credentials';
import { checkItem } from '../../shared/domain/equipment-check';
import { probeTurn, type TurnProbeResult } from './turn/turn-allocate';
import { FORBIDDEN_PEER_PROBES } from './turn/turn-permission';
import { peerPolicyItem } from './turn/peer-policy-item';
import type { StunTransport } from './turn/stun-channel';
import { endpointLabel, turnEndpoints, type TurnEndpoint } from './turn/turn-url';

/**
 * TURN over UDP and over TCP for each configured server, with a real authenticated Allocate.
 * The credential is minted here from the server secret, for a few minutes, in the same scheme the
 * rendezvous server uses for calls: a pass proves a call's relay would be granted too. On one
 * transport per server the allocation also asks to relay to private and loopback addresses, which
 * the server must refuse (peer-deny-list.ts).
 */
export interface TurnCheckConfig {
  readonly urls: readonly string[];
  /** coturn `static-auth-secret`; without it no credential can be made. */
  readonly secret?: string;
}

export const CHECK_CREDENTIAL_TTL_S = 5 * 60;
const TRANSPORTS: readonly StunTransport[] = ['udp', 'tcp'];

export async function turnChecks(
  config: TurnCheckConfig,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<CheckItem[]> {
  const { endpoints, invalid } = turnEndpoints(config.urls);
  const items: CheckItem[] = invalid.map((url) =>
    checkItem({
      id: `network.turn@${url}`,
      category: 'network',
      status: 'fail',
      code: 'invalid-url',
      title: 'TURN server address',
      detail: `${url} is not a valid TURN address.`,
      fix: 'Correct it in Settings: turn:host:3478 or turns:host:5349.',
    }),
  );
  if (endpoints.length === 0 && invalid.length === 0) {
    return TRANSPORTS.map((transport) =>
      checkItem({
        id: `network.turn-${transport}`,
        category: 'network',
        status: 'warn',
        code: 'not-configured',
        title: `TURN relay over ${transport.toUpperCase()}`,
        detail: 'No TURN server is configured.',
        fix: 'Calls work only when both sides can reach each other directly. Add a TURN server in Settings so calls also get through strict firewalls and 4G networks.',
      }),
    );
  }
  const secret = config.secret ?? '';
  const now = options.now ?? Date.now;
  const probes = endpoints.flatMap((endpoint) =>
    TRANSPORTS.map(async (transport): Promise<CheckItem[]> => {
      if (secret === '') return [noSecret(endpoint, transport)];
      if (endpoint.secure && transport === 'udp') return [noDtls(endpoint)];
      const { username, credential } = turnCredential(secret, 'station-check', now(), CHECK_CREDENTIAL_TTL_S);
      // The deny list does not depend on the transport: asked once, on the first one tested.
      const asksPeers = transport === (endpoint.secure ? 'tcp' : 'udp');
      const result = await probeTurn({
        endpoint,
        transport,
        username,
        password: credential,
        ...(asksPeers ? { peerProbes: FORBIDDEN_PEER_PROBES } : {}),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      });
      const policy =
        result.ok && result.peerPolicy !== undefined ? [peerPolicyItem(endpoint, result.peerPolicy)] : [];
      return [turnItem(endpoint, result), ...policy];
    }),
  );
  return [...items, ...(await Promise.all(probes)).flat()];
}

export function turnItemId(endpoint: TurnEndpoint, transport: StunTransport): string {
  return `network.turn-${transport}@${endpointLabel(endpoint)}`;
}

function turnItem(endpoint: TurnEndpoint, result: TurnProbeResult): CheckItem {
  const label = endpointLabel(endpoint);
  const transport = result.transport.toUpperCase();
  const id = turnItemId(endpoint, result.transport);
  const title = `TURN relay over ${transport}`;
  if (result.ok) {
    return checkItem({
      id,
      category: 'network',
      status: 'pass',
      code: 'ok',
      title,
      detail: `${label} granted a relay (${result.relayed.address}:${result.relayed.port}) in ${result.rttMs} ms round trip.`,
      measured: {
        server: label,
        rttMs: result.rttMs,
        relayed: `${result.relayed.address}:${result.relayed.port}`,
      },
    });
  }
  const fixes: Record<typeof result.reason, string> = {
    unreachable: `The TURN server ${label} cannot be reached over ${transport}. Check that it is running and that the firewall allows ${transport} port ${endpoint.port} outbound.`,
    refused: `Nothing answers at ${label} over ${transport}: start the TURN server (coturn) or correct its address in Settings; if it runs, allow ${transport} port ${endpoint.port} in its firewall.`,
    timeout: `No answer from ${label} over ${transport}: the TURN server may be stopped, or a firewall drops ${transport} port ${endpoint.port}. ${transport === 'UDP' ? 'Many corporate networks block UDP: the TCP relay is then what calls rely on.' : 'Ask the network administrator to allow it.'}`,
    'auth-failed': `The TURN server refused the station's credentials: the TURN secret given to the station must equal coturn's static-auth-secret, and the clocks of both machines must be right.`,
    rejected: `The TURN server refused the allocation: check its quotas and logs (${result.message}).`,
    'bad-response': `The server at ${label} does not answer like a TURN server: check the address and port.`,
  };
  return checkItem({
    id,
    category: 'network',
    status: 'fail',
    code: result.reason,
    title,
    detail: `${label} over ${transport}: ${result.message}.`,
    fix: fixes[result.reason],
    measured: { server: label, ...(result.code === undefined ? {} : { errorCode: result.code }) },
  });
}

function noSecret(endpoint: TurnEndpoint, transport: StunTransport): CheckItem {
  return checkItem({
    id: turnItemId(endpoint, transport),
    category: 'network',
    status: 'warn',
    code: 'no-secret',
    title: `TURN relay over ${transport.toUpperCase()}`,
    detail: `${endpointLabel(endpoint)} is configured, but the station has no TURN secret to sign credentials with.`,
    fix: 'Give the station the TURN secret (STATION_TURN_SECRET, equal to coturn static-auth-secret) and restart it.',
  });
}

function noDtls(endpoint: TurnEndpoint): CheckItem {
  return checkItem({
    id: turnItemId(endpoint, 'udp'),
    category: 'network',
    status: 'skipped',
    code: 'tls-only',
    title: 'TURN relay over UDP',
    detail: `${endpointLabel(endpoint)} is a TLS address: only TCP is tested.`,
  });
}
