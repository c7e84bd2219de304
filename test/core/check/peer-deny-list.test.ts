import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coturnPeerArgs, DENIED_PEER_RANGES } from '../../../src/core/check/turn/peer-deny-list';
import { xorPeerAddress } from '../../../src/core/check/turn/turn-permission';

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

describe('the documented coturn command', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const command = /```sh\n# TURN \(coturn\)[^\n]*\n(turnserver[\s\S]*?)\n#/.exec(readme)?.[1] ?? '';

  it('denies every range of the list, and never allows loopback peers', () => {
    expect(command).toContain('turnserver');
    const denied = [...command.matchAll(/--denied-peer-ip=(\S+)/g)].map((match) => match[1]);
    expect(denied).toEqual(DENIED_PEER_RANGES.map(({ range }) => range));
    expect(command).toContain('--no-multicast-peers');
    expect(command).not.toContain('--allow-loopback-peers');
    expect(command).not.toContain('--allowed-peer-ip');
  });
});
