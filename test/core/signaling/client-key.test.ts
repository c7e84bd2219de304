import type { IncomingMessage } from 'node:http';
import { clientKeyOf } from '../../../src/core/signaling/client-key';
import { SocketAdmission } from '../../../src/core/signaling/socket-admission';

const request = (remoteAddress: string, forwardedFor?: string): IncomingMessage =>
  ({
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    socket: { remoteAddress },
  }) as unknown as IncomingMessage;

describe('who a rendezvous socket belongs to', () => {
  it('is the peer address, an IPv6 client by its /64', () => {
    expect(clientKeyOf(request('192.0.2.7'), false)).toBe('192.0.2.7');
    expect(clientKeyOf(request('::ffff:192.0.2.7'), false)).toBe('192.0.2.7');
    expect(clientKeyOf(request('2001:db8:0:1::1'), false)).toBe('2001:db8:0:1::/64');
    expect(clientKeyOf(request('2001:db8:0:1:aaaa::2'), false)).toBe('2001:db8:0:1::/64');
  });

  it('behind a trusted proxy, is the last X-Forwarded-For address (the one the proxy added)', () => {
    expect(clientKeyOf(request('10.0.0.2', '198.51.100.9, 203.0.113.4'), true)).toBe('203.0.113.4');
    expect(clientKeyOf(request('10.0.0.2', '2001:db8:5::1'), true)).toBe('2001:db8:5:0::/64');
    expect(clientKeyOf(request('10.0.0.2'), true)).toBe('10.0.0.2');
    // Without --trust-proxy the header is anyone's to write: ignored.
    expect(clientKeyOf(request('192.0.2.7', '203.0.113.4'), false)).toBe('192.0.2.7');
  });
});

describe('socket admission', () => {
  it('caps sockets in all and per client, and frees each admission once', () => {
    const admission = new SocketAdmission({ maxSockets: 3, maxPerClient: 2 });
    const a1 = admission.admit('a');
    const a2 = admission.admit('a');
    expect(admission.admit('a').admitted).toBe(false);
    const b1 = admission.admit('b');
    expect(admission.admit('c').admitted).toBe(false);
    expect(admission.size).toBe(3);
    if (!a1.admitted || !a2.admitted || !b1.admitted) throw new Error('must be admitted');
    a1.release();
    a1.release();
    expect(admission.size).toBe(2);
    expect(admission.countOf('a')).toBe(1);
    expect(admission.admit('c').admitted).toBe(true);
    a2.release();
    b1.release();
    expect(admission.countOf('a')).toBe(0);
  });
});
