import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DENIED_PEER_RANGES } from '../../../src/core/check/turn/peer-deny-list';

/** docs/DEPLOY.md's turnserver.conf for the coturn pool carries the deny list, whole and in order. */
describe('docs/DEPLOY.md coturn pool settings', () => {
  const deploy = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'DEPLOY.md'), 'utf8');
  const conf = /```\nuse-auth-secret\n([\s\S]*?)```/.exec(deploy)?.[1] ?? '';

  it('denies every range of the list and never allows loopback peers', () => {
    const denied = [...conf.matchAll(/^denied-peer-ip=(\S+)$/gm)].map((match) => match[1]);
    expect(denied).toEqual(DENIED_PEER_RANGES.map(({ range }) => range));
    expect(conf).toMatch(/^no-multicast-peers$/m);
    expect(conf).not.toMatch(/^allow-loopback-peers/m);
    expect(conf).not.toMatch(/^allowed-peer-ip/m);
  });
});
