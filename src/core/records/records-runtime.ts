import type { BackendApi } from '../../shared/api';
import type { ConsultationSummary } from '../../shared/domain/consultation';
import type { VerifiedConsultant } from '../../shared/domain/consultant-identity';
import { AppErrorException } from '../../shared/result';
import type { DeviceInfo } from '../../shared/domain/devices';
import type { Reading, ReadingBatch } from '../../shared/domain/readings';
import { gateCallsOnConsent } from './call-consent-gate';
import {
  consultationHandlers,
  unavailableConsultationHandlers,
  type ConsultationMethod,
} from './consultation-handlers';
import type { AuditChainCheck } from './audit/audit-chain';
import type { ConsultationStore } from './consultation-store';
import { ConsultantSessions } from './consultant-sessions';
import type { ExportRegistry } from './export-formats';
import { LiveSummary } from './live-summary';
import { PendingMeasurements } from './pending-measurements';
import { Recorder, type RecorderOptions } from './recorder';
import { RecordsError } from './records-error';
import { damageDetail, type RecordsIntegrity } from './records-integrity';
import { DEFAULT_AMEND_WINDOW_HOURS } from './record-seal';
import {
  reportSessionHandlers,
  unavailableReportSessionHandlers,
  type ReportMethod,
  type ReportRooms,
} from './report-sessions';

/** Retention is enforced at open and then every hour. */
export const PURGE_INTERVAL_MS = 3_600_000;

export interface RecordsRuntimeDeps {
  /** The opened store, or why it could not be opened, or nothing (no records on this host). */
  readonly records: ConsultationStore | Error | undefined;
  readonly exports: ExportRegistry;
  readonly station: { readonly name: string; readonly version: string };
  readonly now: () => number;
  readonly devices: () => readonly DeviceInfo[];
  readonly subscribeReadings: (listener: (batch: ReadingBatch) => void) => () => void;
  /** The latest reading per device and metric: a cuff result from just before a start is offered. */
  readonly latestReadings?: () => readonly Reading[];
  readonly subscribeDeviceState: (listener: (info: DeviceInfo) => void) => () => void;
  readonly changed: (summary: ConsultationSummary | null) => void;
  readonly log?: (line: string) => void;
  /** The call service's report-only rooms (report-sessions.ts); null when calls are not set up. */
  readonly reportRooms?: () => ReportRooms | null;
  /** The report amendment window now (the `reportAmendHours` setting). */
  readonly amendWindowMs?: () => number;
  /** Window, bound and timers of the recorder: tests drive the windows themselves. */
  readonly recorder?: Pick<RecorderOptions, 'windowMs' | 'maxBufferedSamples' | 'setTimer'>;
}

export interface RecordsRuntime {
  readonly handlers: Pick<BackendApi, ConsultationMethod>;
  /** Report-only sessions: the doctor's report versions after the end, and nothing else. */
  readonly reportHandlers: Pick<BackendApi, ReportMethod>;
  /** The call methods behind the consent gate. */
  gateCalls(
    calls: Pick<BackendApi, 'call.invite' | 'call.join'>,
    bindRoom: (consultationId: string) => void,
  ): Pick<BackendApi, 'call.invite' | 'call.join'>;
  /**
   * Pro Santé Connect verified the doctor of invite `invite` (the backend checked the rendezvous's
   * signature): kept on that invite's consultation and in its audit log. `roomOwner`: the
   * consultation whose call room the assertion names, for an invite given before a restart of the
   * host (a doctor's seat taken back with its resume token). Refused `forbidden`
   * (consultant-identity-invalid) when neither names a consultation.
   */
  recordConsultantIdentity(
    invite: string,
    identity: VerifiedConsultant,
    roomOwner?: string | null,
  ): { consultationId: string; identity: VerifiedConsultant };
  /** The audit log's hash chain walked again now (the equipment check); null without records. */
  auditChain(): AuditChainCheck | null;
  /** The database's pages checked in full now (the equipment check); null without records. */
  integrity(): RecordsIntegrity | null;
  /** Commits the last window, stops the purge timer, closes the database. */
  close(): void;
}

/**
 * The records side of the backend: recorder on the reading bus and device states, the API
 * handlers, the hourly retention purge and the call gate. Without a store every records method
 * answers `unavailable` (with the reason it failed to open), and calls are refused: no record, no
 * consent, no call.
 */
export function createRecordsRuntime(deps: RecordsRuntimeDeps): RecordsRuntime {
  const log = deps.log ?? ((line: string) => console.warn(`records: ${line}`));
  const store = deps.records;
  if (store === undefined || store instanceof Error) {
    // The records code first (`database-missing: …`), so a client can branch on it; then the words.
    const reason =
      store === undefined
        ? 'records-not-set-up: consultation records are not set up on this host'
        : store instanceof RecordsError
          ? `${store.code}: ${store.message}`
          : `records-failed: ${store.message}`;
    return {
      handlers: unavailableConsultationHandlers(reason),
      reportHandlers: unavailableReportSessionHandlers(reason),
      gateCalls: (calls, bindRoom) => gateCallsOnConsent(calls, () => null, bindRoom),
      recordConsultantIdentity: () => {
        throw new AppErrorException('unavailable', reason);
      },
      auditChain: () => null,
      integrity: () => null,
      close: () => undefined,
    };
  }
  // A measurement from before the consultation appearing must reach the station's screen at once.
  const pending = new PendingMeasurements(() => deps.changed(live.currentOrLast(log)));
  const live = new LiveSummary(store, () => recorder, pending);
  const consultants = new ConsultantSessions();
  const chain = store.auditChain();
  if (!chain.ok)
    log(`audit log: ${chain.code} at row ${chain.firstBadSeq} (${chain.reason}); the station keeps working`);
  const integrity = store.integrity();
  if (!integrity.ok) log(`records database: ${damageDetail(integrity)}; the other records keep working`);
  // The nurse must see when readings stop reaching the disk, and when they reach it again.
  const recorder: Recorder = new Recorder(store, {
    ...deps.recorder,
    log,
    now: deps.now,
    onHealthChange: () => deps.changed(live.currentOrLast(log)),
    pending,
  });
  const unsubscribes = [
    deps.subscribeReadings((batch) => recorder.onReadings(batch)),
    deps.subscribeDeviceState((info) => recorder.onDeviceState(info)),
  ];
  const purge = setInterval(() => {
    try {
      store.purgeExpired();
    } catch (cause) {
      log(`retention purge failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  }, PURGE_INTERVAL_MS);
  purge.unref();
  let closed = false;
  return {
    handlers: consultationHandlers({
      store,
      recorder,
      live,
      pending,
      ...(deps.latestReadings === undefined ? {} : { latestReadings: deps.latestReadings }),
      exports: deps.exports,
      station: deps.station,
      devices: deps.devices,
      changed: deps.changed,
      now: deps.now,
      consultantActor: (id) => consultants.actorFor(id),
    }),
    reportHandlers: reportSessionHandlers({
      store,
      rooms: deps.reportRooms ?? (() => null),
      amendWindowMs: deps.amendWindowMs ?? (() => DEFAULT_AMEND_WINDOW_HOURS * 3_600_000),
      now: deps.now,
    }),
    gateCalls: (calls, bindRoom) =>
      gateCallsOnConsent(
        {
          ...calls,
          'call.invite': consultants.remember(calls['call.invite'], () => store.callConsultation()),
        },
        () => store.callConsultation(),
        bindRoom,
      ),
    recordConsultantIdentity(invite, identity, roomOwner = null) {
      const consultationId = consultants.consultationOf(invite) ?? roomOwner;
      if (consultationId === null)
        throw new AppErrorException(
          'forbidden',
          'consultant-identity-invalid: no consultation gave this invite',
        );
      store.setConsultantIdentity(consultationId, identity, consultants.actorFor(consultationId));
      deps.changed(live.currentOrLast(log));
      return { consultationId, identity };
    },
    auditChain: () => (closed ? null : store.auditChain(true)),
    integrity: () => (closed ? null : store.integrity(true)),
    close() {
      if (closed) return;
      closed = true;
      clearInterval(purge);
      for (const unsubscribe of unsubscribes) unsubscribe();
      recorder.close();
      store.close();
    },
  };
}
