import { openStunChannel, StunChannelError } from '../../../src/core/check/turn/stun-channel';

describe('STUN channel', () => {
  it('a TURN host that does not resolve is "unreachable" over UDP, with no request left pending', async () => {
    // The lookup error reaches dgram's connect callback, not 'error': it must not be taken for a connection.
    const opened = openStunChannel('udp', { host: 'no-such-host.invalid', port: 3478, secure: false }, 2000);
    await expect(opened).rejects.toBeInstanceOf(StunChannelError);
    await expect(opened).rejects.toMatchObject({ reason: 'unreachable' });
  });

  it('the same over TCP', async () => {
    const opened = openStunChannel('tcp', { host: 'no-such-host.invalid', port: 3478, secure: false }, 2000);
    await expect(opened).rejects.toMatchObject({ reason: 'unreachable' });
  });
});
