import { turnItem, type TurnLine } from '../../../../src/core/check/turn-checks';
import { checkItem, type CheckItem } from '../../../../src/shared/domain/equipment-check';
import { formatterFor, messagesFor } from '../../../../src/shared/i18n';
import { checkMessages } from '../../../../src/renderer/features/check/check-messages';
import { foldTurnItems } from '../../../../src/renderer/features/check/turn-item';

const en = messagesFor(checkMessages, 'en');
const fr = messagesFor(checkMessages, 'fr');
const formatEn = formatterFor('en');
const formatFr = formatterFor('fr');
const SERVER = 'turn:127.0.0.1:3478';

const path = (kind: 'udp' | 'tcp', ok: boolean): TurnLine =>
  ok
    ? {
        kind,
        status: 'pass',
        code: 'ok',
        text: `${kind.toUpperCase()} port 3478: granted.`,
        fix: '',
        measured: { server: SERVER, rttMs: 2.5 },
      }
    : {
        kind,
        status: 'fail',
        code: 'timeout',
        text: `${kind.toUpperCase()} port 3478: no answer.`,
        fix: 'English fix.',
        measured: { server: SERVER },
      };
const peers: TurnLine = {
  kind: 'peers',
  status: 'pass',
  code: 'ok',
  text: 'Private addresses: refused.',
  fix: '',
  measured: { server: SERVER, granted: '', refused: 4 },
};
const relay = (transport: 'udp' | 'tcp', ok: boolean): CheckItem =>
  checkItem({
    id: `network.relay-${transport}`,
    category: 'network',
    status: ok ? 'pass' : 'fail',
    code: ok ? 'ok' : 'no-relay-candidate',
    title: 'Relay',
    detail: ok ? en.relayOk('3.0') : en.relayFailed(transport.toUpperCase()),
    fix: ok ? '' : en.relayFailedFix(transport.toUpperCase()),
    measured: ok ? { rttMs: 3 } : {},
  });
const other = checkItem({
  id: 'network.rendezvous',
  category: 'network',
  status: 'pass',
  code: 'good',
  title: 'R',
  detail: 'd',
});

describe('the call relay as one item on the screen', () => {
  it('folds the host’s transports and the browser’s test calls into one passing item, one line each', () => {
    const host = turnItem([path('udp', true), peers, path('tcp', true)]);
    const items = foldTurnItems([other, host, relay('udp', true), relay('tcp', true)], en, formatEn);
    expect(items.map((item) => [item.id, item.status])).toEqual([
      ['network.rendezvous', 'pass'],
      ['network.turn', 'pass'],
    ]);
    const [, turn] = items;
    expect(turn?.title).toBe('Call relay (TURN)');
    expect(turn?.detail.split('\n')).toEqual([
      'Calls can go through the relay on every path tried.',
      `✓ UDP, port 3478: ${en.turnOk(SERVER, '2.5')}`,
      `✓ Private addresses: ${en.turnPeersRefused(SERVER)}`,
      `✓ TCP, port 3478: ${en.turnOk(SERVER, '2.5')}`,
      `✓ Test call from this browser over UDP: ${en.relayOk('3.0')}`,
      `✓ Test call from this browser over TCP: ${en.relayOk('3.0')}`,
    ]);
    expect(turn?.fix).toBe('');
    // Every transport's result stays in the exported item.
    expect(turn?.measured).toMatchObject({
      code: 'ok',
      udp: 'ok',
      udpRttMs: 2.5,
      tcp: 'ok',
      peers: 'ok',
      relayUdp: 'ok',
      relayTcpRttMs: 3,
    });
  });

  it('is degraded with UDP blocked and TCP working, and gives the UDP fix in French', () => {
    const host = turnItem([path('udp', false), path('tcp', true)]);
    expect(host).toMatchObject({ status: 'warn', measured: { code: 'degraded' }, fix: 'English fix.' });
    const [turn] = foldTurnItems([host, relay('udp', false), relay('tcp', true)], fr, formatFr);
    expect(turn).toMatchObject({ id: 'network.turn', status: 'warn', measured: { code: 'degraded' } });
    expect(turn?.detail.split('\n')[0]).toBe(
      'Les appels passent par le relais, mais pas sur toutes les voies.',
    );
    expect(turn?.detail).toContain(`✕ UDP, port 3478\u202f: ${fr.turnDown(SERVER, 'UDP')}`);
    expect(turn?.fix).toBe(fr.turnDownFix('UDP', '3478'));
  });

  it('fails with coturn down: the host’s fix, not the browser’s', () => {
    const host = turnItem([path('udp', false), path('tcp', false)]);
    const [turn] = foldTurnItems([relay('udp', false), host, relay('tcp', false)], en, formatEn);
    expect(turn).toMatchObject({ status: 'fail', measured: { code: 'timeout' } });
    expect(turn?.fix).toBe(en.turnDownFix('UDP', '3478'));
    expect(turn?.detail.split('\n')).toHaveLength(5);
  });

  it('shows the browser’s lines alone while the host still runs, and says once when nothing is configured', () => {
    const [running] = foldTurnItems([relay('udp', true)], en, formatEn);
    expect(running).toMatchObject({ id: 'network.turn', status: 'pass' });
    const none = checkItem({
      id: 'network.turn',
      category: 'network',
      status: 'warn',
      code: 'not-configured',
      title: 'Call relay (TURN)',
      detail: 'No TURN server is configured.',
      measured: { lines: '' },
    });
    const [turn] = foldTurnItems([none, relay('udp', false)], fr, formatFr);
    expect(turn).toMatchObject({
      status: 'warn',
      detail: fr.turnNotConfigured,
      fix: fr.relayNotConfiguredFix,
    });
  });
});
