import { checkItem, type CheckItem } from '../../../shared/domain/equipment-check';
import type { IceServer } from '../../../shared/call/signaling';
import type { Formatter } from '../../../shared/i18n';

import type { CheckMessages } from './check-messages';
import { relayLoopback, turnUrlsByTransport, type RelayResult } from './relay-loopback';

/** The browser's relay test over UDP then TCP, with the short-lived credential the host issued. */
export async function relayChecks(
  m: CheckMessages,
  format: Formatter,
  iceServers: readonly IceServer[],
  loopback: (server: RTCIceServer) => Promise<RelayResult> = relayLoopback,
): Promise<CheckItem[]> {
  const server = iceServers[0];
  const urls = server === undefined ? [] : Array.isArray(server.urls) ? server.urls : [server.urls];
  const variants = turnUrlsByTransport(urls);
  // Side by side: with the server down, each waits out its timeout, and the check should not double it.
  return Promise.all(
    (['udp', 'tcp'] as const).map(async (transport): Promise<CheckItem> => {
      const id = `network.relay-${transport}`;
      const name = transport.toUpperCase();
      const title = m.relayTitle(name);
      const url = variants[transport];
      if (server === undefined || url === null) {
        return checkItem({
          id,
          category: 'network',
          status: server === undefined ? 'warn' : 'skipped',
          code: server === undefined ? 'not-configured' : 'tls-only',
          title,
          detail: m.relayNotConfigured,
          fix: server === undefined ? m.relayNotConfiguredFix : '',
        });
      }
      const result = await loopback({
        urls: url,
        ...(server.username === undefined ? {} : { username: server.username }),
        ...(server.credential === undefined ? {} : { credential: server.credential }),
      });
      return result.ok
        ? checkItem({
            id,
            category: 'network',
            status: 'pass',
            code: 'ok',
            title,
            detail: m.relayOk(format.number(result.rttMs, 1)),
            measured: { url, rttMs: result.rttMs, relayCandidates: result.relayCandidates },
          })
        : checkItem({
            id,
            category: 'network',
            status: 'fail',
            code: result.reason,
            title,
            // The browser's own words stay in the exported report, never on the screen.
            detail: `${m.relayFailed(name)} ${m.relayReason(result.reason)}`,
            fix: m.relayFailedFix(name),
            measured: { url, message: result.message.slice(0, 200) },
          });
    }),
  );
}
