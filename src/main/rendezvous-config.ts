import { isIP } from 'node:net';
import {
  parseTurnCheckInterval,
  TURN_CHECK_INTERVAL_ENV,
  turnCheckIntervalProblem,
} from '../core/signaling/turn-check-interval';

/**
 * Where the Electron station's embedded rendezvous server listens, read from the environment
 * (the station's settings schema has no field for it; these are deployment choices, like the
 * Node host's command-line flags):
 *
 * - `STATION_RENDEZVOUS_HOST`: interface to bind, default `127.0.0.1` (only this machine: the
 *   station page and a consultant browser on the same computer). `0.0.0.0` exposes it on the LAN.
 * - `STATION_RENDEZVOUS_PORT`: TCP port, default 0 (a free one, chosen at each start).
 * - `STATION_PUBLIC_URL`: the address a consultant's browser reaches this machine at
 *   (`http://192.168.1.20:8090`); invites carry it instead of the loopback address.
 * - `STATION_TURN_SECRET`: coturn's shared secret (never a renderer-visible setting).
 * - `STATION_TURN_CHECK_INTERVAL`: with two TURN servers or more in the settings (a pool), seconds
 *   between the checks of each (default 15; 0: no check; turn-check-interval.ts).
 *
 * A bad value is reported and replaced by the default: the station still starts.
 */
export interface RendezvousConfig {
  readonly host: string;
  readonly port: number;
  readonly publicUrl?: string;
  readonly turnSecret?: string;
  readonly turnCheckIntervalMs?: number;
}

export const DEFAULT_RENDEZVOUS_HOST = '127.0.0.1';

export function rendezvousConfigFrom(env: NodeJS.ProcessEnv): {
  readonly config: RendezvousConfig;
  readonly problems: readonly string[];
} {
  const problems: string[] = [];
  const host = env.STATION_RENDEZVOUS_HOST ?? '';
  const validHost = host === 'localhost' || isIP(host) !== 0;
  if (host !== '' && !validHost)
    problems.push(`STATION_RENDEZVOUS_HOST must be an IP address or localhost, got ${clip(host)}`);

  const portText = env.STATION_RENDEZVOUS_PORT ?? '';
  const port = Number(portText);
  const validPort = /^\d{1,5}$/.test(portText) && port <= 65535;
  if (portText !== '' && !validPort)
    problems.push(`STATION_RENDEZVOUS_PORT must be 0–65535, got ${clip(portText)}`);

  const publicUrl = env.STATION_PUBLIC_URL ?? '';
  const validPublicUrl = isHttpUrl(publicUrl);
  if (publicUrl !== '' && !validPublicUrl)
    problems.push(`STATION_PUBLIC_URL must be an http(s) URL, got ${clip(publicUrl)}`);

  const turnSecret = env.STATION_TURN_SECRET ?? '';
  const intervalText = env[TURN_CHECK_INTERVAL_ENV] ?? '';
  const interval = intervalText === '' ? undefined : parseTurnCheckInterval(intervalText);
  if (interval?.ok === false) problems.push(turnCheckIntervalProblem(TURN_CHECK_INTERVAL_ENV, intervalText));
  return {
    config: {
      host: validHost ? host : DEFAULT_RENDEZVOUS_HOST,
      port: validPort ? port : 0,
      ...(validPublicUrl ? { publicUrl } : {}),
      ...(turnSecret !== '' ? { turnSecret } : {}),
      ...(interval?.ok === true ? { turnCheckIntervalMs: interval.ms } : {}),
    },
    problems,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

function clip(value: string): string {
  return JSON.stringify(value.slice(0, 80));
}
