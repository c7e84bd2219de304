import { inviteTokenFrom, signalingUrlFor } from '../../../src/renderer/consultant/invite-fragment';

describe('consultant invite link', () => {
  it('reads the token from the fragment only', () => {
    expect(inviteTokenFrom('#invite=v1.abc.def')).toBe('v1.abc.def');
    expect(inviteTokenFrom('')).toBeNull();
    expect(inviteTokenFrom('#invite=')).toBeNull();
    expect(inviteTokenFrom(`#invite=${'x'.repeat(3000)}`)).toBeNull();
  });

  it('derives the rendezvous socket from the page origin', () => {
    expect(signalingUrlFor({ protocol: 'https:', host: 'station.example.org' }, '/signal')).toBe(
      'wss://station.example.org/signal',
    );
    expect(signalingUrlFor({ protocol: 'http:', host: '127.0.0.1:8080' }, '/signal')).toBe(
      'ws://127.0.0.1:8080/signal',
    );
  });
});
