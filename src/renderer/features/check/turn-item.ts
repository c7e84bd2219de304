import { checkItem, type CheckItem, type CheckStatus } from '../../../shared/domain/equipment-check';
import { TURN_LINE_KINDS, turnVerdict, type TurnLineKind } from '../../../shared/domain/turn-verdict';
import type { Formatter } from '../../../shared/i18n';
import type { CheckMessages } from './check-messages';

/**
 * The call relay (TURN) as one row of the screen (issue 15): the host's item (`network.turn`, its
 * transports and peer policy as lines in `measured`) and the browser's two test calls through the
 * relay (`network.relay-udp`, `network.relay-tcp`) folded into one item with one verdict, each path
 * a line in the screen's language, and the fix of the line that matters. The exported report keeps
 * this item, with every transport's result in its `measured`.
 */
export const TURN_ID = 'network.turn';
const RELAY_IDS = ['network.relay-udp', 'network.relay-tcp'] as const;

/** A symbol for each line's status: it never rests on colour (or on the words) alone. */
const SYMBOL: Readonly<Record<CheckStatus, string>> = { pass: '✓', warn: '!', fail: '✕', skipped: '–' };

interface Line {
  readonly key: string;
  readonly kind: TurnLineKind;
  readonly status: CheckStatus;
  readonly code: string;
  readonly text: string;
  readonly fix: string;
}

export function foldTurnItems(items: readonly CheckItem[], m: CheckMessages, format: Formatter): CheckItem[] {
  const host = items.find((item) => item.id === TURN_ID);
  const relays = RELAY_IDS.map((id) => items.find((item) => item.id === id)).filter(
    (item): item is CheckItem => item !== undefined,
  );
  if (host === undefined && relays.length === 0) return [...items];
  const folded = turnItem(host, relays, m, format);
  const at = items.findIndex(
    (item) => item.id === TURN_ID || (RELAY_IDS as readonly string[]).includes(item.id),
  );
  const rest = items.filter(
    (item) => item.id !== TURN_ID && !(RELAY_IDS as readonly string[]).includes(item.id),
  );
  return [...rest.slice(0, at), folded, ...rest.slice(at)];
}

function turnItem(
  host: CheckItem | undefined,
  relays: readonly CheckItem[],
  m: CheckMessages,
  format: Formatter,
): CheckItem {
  const lines = [
    ...(host === undefined ? [] : hostLines(host, m, format)),
    ...relays.map((r) => relayLine(r, m)),
  ];
  const measured: Record<string, number | string | boolean> = { ...host?.measured };
  for (const relay of relays) {
    const key = relay.id === 'network.relay-udp' ? 'relayUdp' : 'relayTcp';
    measured[key] = String(relay.measured?.['code'] ?? relay.status);
    measured[`${key}Status`] = relay.status;
    const rtt = relay.measured?.['rttMs'];
    if (typeof rtt === 'number') measured[`${key}RttMs`] = rtt;
  }
  // Nothing configured: the host's one sentence says it all (the browser's lines would repeat it).
  const notConfigured = host?.measured?.['code'] === 'not-configured';
  const verdict = notConfigured
    ? { status: host.status, code: 'not-configured', fixLine: null }
    : turnVerdict(lines);
  const fixLine = verdict.fixLine === null ? undefined : lines[verdict.fixLine];
  const head = m.turnSummary(verdict.status, verdict.code === 'degraded');
  // `code` is the verdict's (checkItem sets it); the host's own code is not carried over it.
  const rest = Object.fromEntries(Object.entries(measured).filter(([key]) => key !== 'code'));
  return checkItem({
    id: TURN_ID,
    category: 'network',
    status: verdict.status,
    code: verdict.code,
    title: m.turnItemTitle,
    detail: notConfigured
      ? m.turnNotConfigured
      : [head, ...lines.map((line) => `${SYMBOL[line.status]} ${line.text}`)].join('\n'),
    fix: notConfigured ? m.relayNotConfiguredFix : (fixLine?.fix ?? ''),
    measured: rest,
  });
}

/** The host's lines, worded here from their codes; a line this table does not know keeps the host's text. */
function hostLines(host: CheckItem, m: CheckMessages, format: Formatter): Line[] {
  const measured = host.measured ?? {};
  const keys = String(measured['lines'] ?? '')
    .split(' ')
    .filter(Boolean);
  // The host's TURN section crashed, or an older host: its own words, as one line.
  if (keys.length === 0 && measured['code'] !== 'not-configured')
    return [
      {
        key: 'host',
        kind: 'url',
        status: host.status,
        code: String(measured['code'] ?? ''),
        text: host.detail,
        fix: host.fix,
      },
    ];
  const englishLines = host.detail.split('\n').slice(-keys.length);
  return keys.map((key, index) => {
    const kind = key.split('-', 1)[0] as TurnLineKind;
    const code = String(measured[key] ?? '');
    const status = String(measured[`${key}Status`] ?? 'fail') as CheckStatus;
    const server = String(measured[`${key}Server`] ?? '');
    const port = server.split(':').pop() ?? '';
    const rtt = measured[`${key}RttMs`];
    const ms = typeof rtt === 'number' ? format.number(rtt, 1) : '?';
    const worded = wordLine(
      kind,
      code,
      { server, port, ms, granted: String(measured[`${key}Granted`] ?? '') },
      m,
    );
    const fallback = (englishLines[index] ?? '').replace(/^[A-Z]+ /, '');
    return {
      key,
      kind: (TURN_LINE_KINDS as readonly string[]).includes(kind) ? kind : 'url',
      status,
      code,
      text: worded?.text ?? fallback,
      fix: worded?.fix ?? '',
    };
  });
}

function wordLine(
  kind: TurnLineKind,
  code: string,
  facts: { server: string; port: string; ms: string; granted: string },
  m: CheckMessages,
): { text: string; fix: string } | null {
  const { server, port, ms } = facts;
  if (kind === 'url') return { text: m.turnInvalidUrl(server), fix: m.turnInvalidUrlFix };
  if (kind === 'peers') {
    const path = m.turnPeersPath;
    if (code === 'ok') return { text: m.turnLine(path, m.turnPeersRefused(server)), fix: '' };
    if (code === 'relays-private')
      return { text: m.turnLine(path, m.turnPeersGranted(server, facts.granted)), fix: m.turnPeersFix };
    return { text: m.turnLine(path, m.turnPeersUnclear(server)), fix: m.turnPeersUnclearFix };
  }
  if (kind === 'relay') return null;
  const transport = kind.toUpperCase();
  const path = m.turnPath(transport, port);
  switch (code) {
    case 'ok':
      return { text: m.turnLine(path, m.turnOk(server, ms)), fix: '' };
    case 'refused':
    case 'unreachable':
    case 'timeout':
      return { text: m.turnLine(path, m.turnDown(server, transport)), fix: m.turnDownFix(transport, port) };
    case 'auth-failed':
      return { text: m.turnLine(path, m.turnAuth), fix: m.turnAuthFix };
    case 'no-secret':
      return { text: m.turnLine(path, m.turnNoSecret), fix: m.turnNoSecretFix };
    case 'rejected':
    case 'bad-response':
      return { text: m.turnLine(path, m.turnRejected(server)), fix: m.turnRejectedFix };
  }
  return null;
}

/** The browser's test call through the relay, from its own (already worded) item. */
function relayLine(relay: CheckItem, m: CheckMessages): Line {
  const transport = relay.id === 'network.relay-udp' ? 'UDP' : 'TCP';
  const code = String(relay.measured?.['code'] ?? '');
  return {
    key: relay.id,
    kind: 'relay',
    status: relay.status,
    code,
    text: m.turnLine(m.relayPath(transport), code === 'tls-only' ? m.relayTlsOnly : relay.detail),
    fix: relay.fix,
  };
}
