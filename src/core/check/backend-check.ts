import type { CheckReport } from '../../shared/domain/equipment-check';
import type { DeviceInfo } from '../../shared/domain/devices';
import type { IceServer } from '../../shared/call/signaling';
import { turnCredential } from '../signaling/turn-credentials';
import type { AuditChainCheck } from '../records/audit/audit-chain';
import { deviceChecks } from './device-checks';
import type { RecordsIntegrity } from '../records/records-integrity';
import { auditChainItem, integrityItem } from './records-check';
import { rendezvousChecks } from './rendezvous-checks';
import { runCheck } from './run-check';
import { CHECK_CREDENTIAL_TTL_S, turnChecks, type TurnCheckConfig } from './turn-checks';

/**
 * What a host tells the backend so `check.run` can test the network: where the rendezvous server
 * is, and the TURN servers with the secret to sign credentials. Read on every run, so a settings
 * change applies to the next check. The TURN secret never leaves the host: the browser's relay
 * test receives a five-minute credential through the backend API (`check.iceServers`), which only
 * the station's own page can call, so the rendezvous server never hands out credentials.
 */
export interface CheckConfig {
  /** `http(s)://host:port` of the rendezvous server, or null when none runs. */
  rendezvousOrigin(): string | null;
  turn(): TurnCheckConfig;
}

export async function runBackendCheck(options: {
  readonly config: CheckConfig | undefined;
  readonly devices: readonly DeviceInfo[];
  readonly throughput: boolean;
  readonly staleAfterMs: number;
  readonly now?: () => number;
  /** The audit log's chain walked now; absent when the host has no records to check. */
  readonly auditChain?: () => AuditChainCheck | null;
  /** The records' pages checked in full now (with the audit chain's item). */
  readonly integrity?: () => RecordsIntegrity | null;
}): Promise<CheckReport> {
  const auditChain = options.auditChain;
  const integrity = options.integrity;
  const now = options.now ?? Date.now;
  const config = options.config;
  return runCheck(
    'station host',
    [
      {
        name: 'devices',
        category: 'devices',
        run: () =>
          Promise.resolve(
            deviceChecks(options.devices, { nowMs: now(), staleAfterMs: options.staleAfterMs }),
          ),
      },
      ...(auditChain === undefined
        ? []
        : [
            {
              name: 'records',
              category: 'runtime' as const,
              run: () =>
                Promise.resolve([
                  auditChainItem(auditChain()),
                  ...(integrity === undefined ? [] : [integrityItem(integrity())]),
                ]),
            },
          ]),
      ...(config === undefined
        ? []
        : [
            {
              name: 'rendezvous',
              category: 'network' as const,
              run: () => rendezvousChecks(safeOrigin(config), { throughput: options.throughput }),
            },
            { name: 'turn', category: 'network' as const, run: () => turnChecks(config.turn(), { now }) },
          ]),
    ],
    now,
  );
}

/** The ICE servers for the browser's relay-only loopback: TURN only, short-lived credential. */
export function checkIceServers(config: CheckConfig | undefined, nowMs: number): IceServer[] {
  const turn = config?.turn();
  if (turn === undefined || turn.urls.length === 0 || turn.secret === undefined || turn.secret === '')
    return [];
  return [
    { urls: [...turn.urls], ...turnCredential(turn.secret, 'station-check', nowMs, CHECK_CREDENTIAL_TTL_S) },
  ];
}

function safeOrigin(config: CheckConfig): string | null {
  try {
    return config.rendezvousOrigin();
  } catch {
    return null; // e.g. the embedded server is not running
  }
}
