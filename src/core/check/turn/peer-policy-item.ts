import { checkItem, type CheckItem } from '../../../shared/domain/equipment-check';
import type { PeerPolicyResult } from './turn-permission';
import { endpointLabel, type TurnEndpoint } from './turn-url';

/**
 * The equipment check's verdict on a TURN server's peer policy: it must refuse to relay to
 * loopback and private addresses. A server that grants any is a warning, not a failure: calls
 * still work, but whoever holds a call's credential can reach the hosts around the relay.
 */
export function peerPolicyItem(endpoint: TurnEndpoint, policy: PeerPolicyResult): CheckItem {
  const label = endpointLabel(endpoint);
  const id = `network.turn-peers@${label}`;
  const title = 'TURN relay refuses private addresses';
  const measured = {
    server: label,
    granted: policy.granted.join(' '),
    refused: policy.refused.length,
  };
  if (policy.granted.length > 0)
    return checkItem({
      id,
      category: 'network',
      status: 'warn',
      code: 'relays-private',
      title,
      detail: `${label} agreed to relay to ${policy.granted.join(', ')}: anyone holding a call's TURN credential could reach the hosts of the network the relay stands in.`,
      fix: "Add the README's denied-peer-ip lines to coturn (loopback, private, link-local, carrier-grade NAT, unique-local) and drop --allow-loopback-peers, then restart it.",
      measured,
    });
  if (policy.refused.length === 0)
    return checkItem({
      id,
      category: 'network',
      status: 'warn',
      code: 'unclear',
      title,
      detail: `${label} gave no clear answer when asked to relay to ${policy.unclear.join(', ')}.`,
      fix: "Check coturn's logs, and that it runs with the README's denied-peer-ip lines.",
      measured,
    });
  return checkItem({
    id,
    category: 'network',
    status: 'pass',
    code: 'ok',
    title,
    detail: `${label} refused to relay to ${policy.refused.join(', ')}.`,
    measured,
  });
}
