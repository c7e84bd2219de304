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

export interface TurnCredential {
  readonly username: string;
  readonly credential: string;
}

export function turnCredential(
  secret: string,
  peerId: string,
  nowMs: number,
  ttlS = DEFAULT_TURN_TTL_S,
): TurnCredential {
  if (secret.length === 0) throw new TypeError('TURN secret must not be empty');
  const username = `${Math.floor(nowMs / 1000) + ttlS}:${peerId}`;
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

/** The `iceServers` of a `joined` message: STUN as is, TURN with this participant's credential. */
export function iceServersFor(config: IceConfig, peerId: string, nowMs: number): IceServer[] {
  const servers: IceServer[] = [];
  if (config.stunUrls.length > 0) servers.push({ urls: [...config.stunUrls] });
  if (config.turnUrls.length > 0 && config.turnSecret !== undefined && config.turnSecret.length > 0) {
    servers.push({
      urls: [...config.turnUrls],
      ...turnCredential(config.turnSecret, peerId, nowMs, config.turnTtlS),
    });
  }
  return servers;
}
