import { peerPolicyLine } from '../../../src/core/check/turn/peer-policy-line';

const endpoint = { host: 'turn.example.org', port: 3478, secure: false };

describe('TURN peer policy line', () => {
  it('passes when every private peer is refused', () => {
    const line = peerPolicyLine(endpoint, { granted: [], refused: ['10.0.0.1', '127.0.0.2'], unclear: [] });
    expect(line).toMatchObject({
      kind: 'peers',
      status: 'pass',
      measured: { server: 'turn:turn.example.org:3478' },
    });
  });

  it('warns with the fix when the relay would reach a private address', () => {
    const line = peerPolicyLine(endpoint, { granted: ['10.0.0.1'], refused: ['127.0.0.2'], unclear: [] });
    expect(line).toMatchObject({ status: 'warn', code: 'relays-private', measured: { granted: '10.0.0.1' } });
    expect(line.text).toContain('10.0.0.1');
    expect(line.fix).toMatch(/denied-peer-ip/);
  });

  it('warns when the server gives no clear answer', () => {
    const line = peerPolicyLine(endpoint, { granted: [], refused: [], unclear: ['10.0.0.1'] });
    expect(line).toMatchObject({ status: 'warn', code: 'unclear' });
  });
});
