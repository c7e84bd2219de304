import { createHmac } from 'node:crypto';
import type { IceServer } from '../../shared/call/signaling';

/**
 * Short-lived TURN credentials in the scheme coturn implements with `use-auth-secret` (the "TURN
 * REST API" draft, draft-uberti-behave-turn-rest-00): username `<expiry epoch seconds>:<peer id>`,
 * password base64(HMAC-SHA1(shared secret, username)). coturn recomputes the password from the
 * username and its `static-auth-secret` and refuses the username once its timestamp has passed,
 * so nothing is stored per user and a leaked credential dies with its TTL.
 */
export const DEFAULT_TURN_TTL_S = 60 * 60;
/**
 * How long a TURN credential may outlive the invite token it was handed out for. A consultant
 * link is valid for the consultation's hour (CONSULTANT_INVITE_TTL_S); the relay it yields dies at
 * most this long after, never an hour after a late join (the link itself stops joining at its
 * expiry, and a closed room stops it at once: see RendezvousRooms.closeRoom).
 */
export const TURN_GRACE_S = 15 * 60;

export interface TurnCredential {
  readonly username: string;
  readonly credential: string;
}

export function turnCredential(
  secret: string,
  peerId: string,
  nowMs: number,
  ttlS = DEFAULT_TURN_TTL_S,
  /** Latest expiry allowed (epoch ms), whatever the TTL. */
  notAfterMs = Number.POSITIVE_INFINITY,
): TurnCredential {
  if (secret.length === 0) throw new TypeError('TURN secret must not be empty');
  const expiresS = Math.min(Math.floor(nowMs / 1000) + ttlS, Math.floor(notAfterMs / 1000));
  const username = `${expiresS}:${peerId}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

/** Where a participant's ICE servers come from: read on every join so a settings change applies. */
export interface IceConfig {
  readonly stunUrls: readonly string[];
  readonly turnUrls: readonly string[];
  /** Server configuration only: never a renderer setting. Without it, TURN URLs are not offered. */
  readonly turnSecret?: string;
  readonly turnTtlS?: number;
}

/**
 * The `iceServers` of a `joined` message: STUN as is, TURN with this participant's credential,
 * which expires after the TTL or `notAfterMs` (its token's expiry plus TURN_GRACE_S), whichever
 * comes first.
 */
export function iceServersFor(
  config: IceConfig,
  peerId: string,
  nowMs: number,
  notAfterMs = Number.POSITIVE_INFINITY,
): IceServer[] {
  const servers: IceServer[] = [];
  if (config.stunUrls.length > 0) servers.push({ urls: [...config.stunUrls] });
  if (config.turnUrls.length > 0 && config.turnSecret !== undefined && config.turnSecret.length > 0) {
    servers.push({
      urls: [...config.turnUrls],
      ...turnCredential(config.turnSecret, peerId, nowMs, config.turnTtlS, notAfterMs),
    });
  }
  return servers;
}
