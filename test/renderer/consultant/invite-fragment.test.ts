import {
  inviteTokenFrom,
  REPORT_KEY,
  reportLinkForThisTab,
  signalingUrlFor,
} from '../../../src/renderer/consultant/invite-fragment';

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

  it('keeps a report-only link across the sign-in round trip and a reload, until a call link replaces it', () => {
    const kept = new Map<string, string>();
    const storage = {
      getItem: (key: string) => kept.get(key) ?? null,
      setItem: (key: string, value: string) => void kept.set(key, value),
      removeItem: (key: string) => void kept.delete(key),
    };
    expect(reportLinkForThisTab('', storage)).toBeNull();
    expect(reportLinkForThisTab('#report=v1.rep.sig', storage)).toBe('v1.rep.sig');
    // Back from Pro Santé Connect, or reloaded: the address bar no longer has it.
    expect(reportLinkForThisTab('#psc=ok', storage)).toBe('v1.rep.sig');
    expect(reportLinkForThisTab('', storage)).toBe('v1.rep.sig');
    // A call link opened in the tab: a call page, and the report link forgotten.
    expect(reportLinkForThisTab('#invite=v1.inv.sig', storage)).toBeNull();
    expect(kept.has(REPORT_KEY)).toBe(false);
    expect(reportLinkForThisTab('#psc=ok', storage)).toBeNull();
  });
});
