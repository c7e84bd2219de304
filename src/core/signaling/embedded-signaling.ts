import { join } from 'node:path';
import type { SettingsStore } from '../settings/settings-store';
import { CALL_ROOM_FILE_NAME, fileCallRoomStore, type CallRoomStore } from './call-room-store';
import { createCallService, originOfRendezvousUrl, type CallService } from './call-service';
import { loadSigningSecret } from './signaling-secret';
import { FollowingTurnPool } from './following-turn-pool';
import { iceServersFor } from './turn-credentials';
import { createSignalingRoute, type SignalingLimits, type SignalingRoute } from './signaling-route';
import { pscConfigFromEnv } from '../psc/psc-config';
import { createPscService } from '../psc/psc-service';
import { createPscEndpoints, type PscEndpoints } from '../psc/psc-endpoints';

/**
 * The rendezvous server embedded in the station's Node host (the default: LAN, demo, tests), and
 * the call service that mints invites for it. When the `rendezvousUrl` setting names a standalone
 * server, invites point there instead (it must share the signing key, see signaling-secret.ts);
 * the embedded route stays mounted and simply goes unused. With STATION_PSC_ISSUER (psc-config.ts)
 * the doctor signs in with Pro Santé Connect before joining: `psc` answers the sign-in's HTTP paths.
 * The consultation's room, and the invites used in it, are kept in the data folder
 * (call-room-store.ts): a restarted host keeps the call where it was.
 */
export interface EmbeddedSignalingOptions {
  /** The address the consultant reaches this host at (`https://station.example.org`). */
  readonly publicUrl?: string;
  /** coturn `static-auth-secret`: server configuration, never a renderer setting. */
  readonly turnSecret?: string;
  /** Offered in addition to the `stunUrls` / `turnUrls` settings. */
  readonly stunUrls?: readonly string[];
  readonly turnUrls?: readonly string[];
  /**
   * With two TURN servers or more (a pool sharing `turnSecret`), each is checked this often and the
   * list is offered best first, a dead one left out (following-turn-pool.ts). Default 15 s; 0: no
   * check, the list as configured.
   */
  readonly turnCheckIntervalMs?: number;
  readonly allowedOrigins?: readonly string[];
  readonly trustForwardedProto?: boolean;
  readonly limits?: Partial<SignalingLimits>;
  readonly env?: NodeJS.ProcessEnv;
}

/** iceServerSchema admits at most 8 URLs per entry. */
const MAX_URLS = 8;

export function createEmbeddedSignaling(deps: {
  readonly dataDir: string;
  readonly settings: SettingsStore;
  /** This host's own URL, known once it listens. */
  readonly ownUrl: () => string;
  readonly options?: EmbeddedSignalingOptions;
  /** Where the room outlives a restart: `call-room.json` in the data folder by default. */
  readonly roomStore?: CallRoomStore;
}): { call: CallService; route: SignalingRoute; psc: PscEndpoints } {
  const options = deps.options ?? {};
  const secret = loadSigningSecret(deps.dataDir, options.env);
  const roomStore = deps.roomStore ?? fileCallRoomStore(join(deps.dataDir, CALL_ROOM_FILE_NAME));
  const kept = roomStore.load();
  // Set once the call service exists (it needs the route to close rooms, the route needs this).
  let call: CallService | null = null;
  const publicOrigin = options.publicUrl === undefined ? undefined : new URL(options.publicUrl).origin;
  const pscConfig = pscConfigFromEnv(options.env ?? process.env);
  const psc =
    pscConfig === null
      ? null
      : createPscService({ config: pscConfig, secret, publicOrigin: () => publicOrigin ?? deps.ownUrl() });
  const merged = (fromSettings: readonly string[], fromConfig: readonly string[] = []): string[] =>
    [...new Set([...fromSettings, ...fromConfig])].slice(0, MAX_URLS);
  const turnUrls = (): string[] => merged(deps.settings.get().turnUrls, options.turnUrls);
  // Only with a secret is TURN offered at all, so only then is the pool checked.
  const turnPool =
    options.turnSecret !== undefined && options.turnCheckIntervalMs !== 0
      ? new FollowingTurnPool({
          ...(options.turnCheckIntervalMs === undefined ? {} : { intervalMs: options.turnCheckIntervalMs }),
        })
      : undefined;
  turnPool?.order(turnUrls()); // checks start now, not at the first join
  const route = createSignalingRoute({
    secret,
    iceServersFor: (peerId, notAfterMs) => {
      const settings = deps.settings.get();
      return iceServersFor(
        {
          stunUrls: merged(settings.stunUrls, options.stunUrls),
          turnUrls: turnPool?.order(turnUrls()) ?? turnUrls(),
          turnSecret: options.turnSecret,
        },
        peerId,
        Date.now(),
        notAfterMs,
      );
    },
    limits: options.limits,
    ...(psc === null ? {} : { consultantIdentity: (claims) => psc.assertionFor(claims) }),
    spentInvites: kept?.owner === null ? [] : (kept?.spentInvites ?? []),
    onInviteSpent: (spent) => call?.inviteSpent?.(spent),
    originPolicy: {
      allowedOrigins: [
        ...(options.allowedOrigins ?? []),
        ...(publicOrigin === undefined ? [] : [publicOrigin]),
      ],
      trustForwardedProto: options.trustForwardedProto ?? false,
    },
  });
  const closeRoute = route.close.bind(route);
  route.close = async () => {
    turnPool?.stop(); // its checks end with the route they serve
    await closeRoute();
  };
  call = createCallService({
    secret,
    store: roomStore,
    // Closed here at once; a standalone server learns it from the station's next token.
    onRoomClosed: (room) => route.rooms.closeRoom(room),
    rendezvousOrigin: () => {
      const external = deps.settings.get().rendezvousUrl;
      if (external !== '') return originOfRendezvousUrl(external);
      return publicOrigin ?? deps.ownUrl();
    },
  });
  // Mounted without an issuer too: the doctor's page asks `/psc/session` and hears "not required".
  return { call, route, psc: createPscEndpoints(psc) };
}
