import { peerPolicyItem } from '../../../src/core/check/turn/peer-policy-item';
import { coturnPeerArgs, DENIED_PEER_RANGES } from '../../../src/core/check/turn/peer-deny-list';
import { xorPeerAddress } from '../../../src/core/check/turn/turn-permission';

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

describe('coturn peer options', () => {
  it('denies every range, then allows only the exceptions given', () => {
    const args = coturnPeerArgs(['127.0.0.1']);
    expect(args.filter((arg) => arg.startsWith('--denied-peer-ip='))).toHaveLength(DENIED_PEER_RANGES.length);
    expect(args.filter((arg) => arg.startsWith('--allowed-peer-ip='))).toEqual([
      '--allowed-peer-ip=127.0.0.1',
    ]);
    expect(coturnPeerArgs().some((arg) => arg.startsWith('--allowed-peer-ip'))).toBe(false);
  });

  it('encodes XOR-PEER-ADDRESS as RFC 5766 §14.3 says (IPv4, port 0)', () => {
    // 10.0.0.1 XOR 0x2112A442 = 0x2B12A443; port 0 XOR 0x2112.
    expect(xorPeerAddress('10.0.0.1').toString('hex')).toBe('000121122b12a443');
    expect(() => xorPeerAddress('fd00::1')).toThrow(TypeError);
  });
});
