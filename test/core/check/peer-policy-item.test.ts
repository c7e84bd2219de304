import { peerPolicyItem } from '../../../src/core/check/turn/peer-policy-item';

const endpoint = { host: 'turn.example.org', port: 3478, secure: false };

describe('TURN peer policy item', () => {
  it('passes when every private peer is refused', () => {
    const item = peerPolicyItem(endpoint, { granted: [], refused: ['10.0.0.1', '127.0.0.2'], unclear: [] });
    expect(item).toMatchObject({ id: 'network.turn-peers@turn:turn.example.org:3478', status: 'pass' });
  });

  it('warns with the fix when the relay would reach a private address', () => {
    const item = peerPolicyItem(endpoint, { granted: ['10.0.0.1'], refused: ['127.0.0.2'], unclear: [] });
    expect(item).toMatchObject({ status: 'warn', measured: { code: 'relays-private', granted: '10.0.0.1' } });
    expect(item.detail).toContain('10.0.0.1');
    expect(item.fix).toMatch(/denied-peer-ip/);
  });

  it('warns when the server gives no clear answer', () => {
    const item = peerPolicyItem(endpoint, { granted: [], refused: [], unclear: ['10.0.0.1'] });
    expect(item).toMatchObject({ status: 'warn', measured: { code: 'unclear' } });
  });
});
