import { iceServersFor, turnCredential } from '../../../src/core/signaling/turn-credentials';

describe('TURN REST credentials (coturn use-auth-secret)', () => {
  it('matches a vector computed by hand', () => {
    // printf '1700003600:abcdefgh' | openssl dgst -sha1 -hmac 'coturn-shared-secret' -binary | base64
    expect(turnCredential('coturn-shared-secret', 'abcdefgh', 1_700_000_000_000, 3600)).toEqual({
      username: '1700003600:abcdefgh',
      credential: 'j2ZqvEpzsBybM6LLmRCIBp9qBys=',
    });
  });

  it('offers STUN as is and TURN only with a secret', () => {
    const now = 1_700_000_000_000;
    const config = { stunUrls: ['stun:stun.example.org'], turnUrls: ['turn:turn.example.org:3478'] };
    expect(iceServersFor(config, 'peer0001', now)).toEqual([{ urls: ['stun:stun.example.org'] }]);
    expect(iceServersFor({ ...config, turnSecret: 's', turnTtlS: 60 }, 'peer0001', now)).toEqual([
      { urls: ['stun:stun.example.org'] },
      { urls: ['turn:turn.example.org:3478'], ...turnCredential('s', 'peer0001', now, 60) },
    ]);
    expect(iceServersFor({ stunUrls: [], turnUrls: [] }, 'peer0001', now)).toEqual([]);
  });

  it('never outlives its bound: the TTL or notAfter, whichever comes first', () => {
    const now = 1_700_000_000_000;
    expect(turnCredential('s', 'peer0001', now, 3600, now + 600_000).username).toBe('1700000600:peer0001');
    expect(turnCredential('s', 'peer0001', now, 3600, now + 7_200_000).username).toBe('1700003600:peer0001');
  });
});
