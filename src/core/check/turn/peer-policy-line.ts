import type { TurnLine } from '../turn-checks';
import type { PeerPolicyResult } from './turn-permission';
import { endpointLabel, type TurnEndpoint } from './turn-url';

/**
 * The TURN item's line on a server's peer policy: it must refuse to relay to loopback and private
 * addresses. A server that grants any is a warning, not a failure: calls still work, but whoever
 * holds a call's credential can reach the hosts around the relay.
 */
export function peerPolicyLine(endpoint: TurnEndpoint, policy: PeerPolicyResult): TurnLine {
  const label = endpointLabel(endpoint);
  const measured = {
    server: label,
    granted: policy.granted.join(' ').slice(0, 200),
    refused: policy.refused.length,
  };
  if (policy.granted.length > 0)
    return {
      kind: 'peers',
      status: 'warn',
      code: 'relays-private',
      text: `Private addresses: ${label} agreed to relay to ${policy.granted.join(', ')}: anyone holding a call's TURN credential could reach the hosts of the network the relay stands in.`,
      fix: "Add the README's denied-peer-ip lines to coturn (loopback, private, link-local, carrier-grade NAT, unique-local) and drop --allow-loopback-peers, then restart it.",
      measured,
    };
  if (policy.refused.length === 0)
    return {
      kind: 'peers',
      status: 'warn',
      code: 'unclear',
      text: `Private addresses: ${label} gave no clear answer when asked to relay to ${policy.unclear.join(', ')}.`,
      fix: "Check coturn's logs, and that it runs with the README's denied-peer-ip lines.",
      measured,
    };
  return {
    kind: 'peers',
    status: 'pass',
    code: 'ok',
    text: `Private addresses: ${label} refused to relay to ${policy.refused.join(', ')}.`,
    fix: '',
    measured,
  };
}
