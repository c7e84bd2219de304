import type { BackendApi } from '../../shared/api';
import type { ReportState } from '../../shared/domain/report-session';
import { AppErrorException } from '../../shared/result';
import type { VerifiedConsultant } from '../../shared/domain/consultant-identity';
import type { AssertionClaims } from '../psc/identity-assertion';
import type { CallInvite, StationJoin } from '../signaling/call-service';
import { randomId } from '../signaling/invite-token';
import { checkCareSheet } from './care-sheet-check';
import type { ConsultationStore } from './consultation-store';
import { inviteIdOf } from './consultant-sessions';
import { latestOf } from './record-versions';
import { RecordsError } from './records-error';

export type ReportMethod = 'report.link' | 'report.join' | 'report.load' | 'report.save' | 'report.identity';

/** Open report-only sessions kept at once; the oldest is forgotten past this (memory stays bounded). */
export const MAX_REPORT_SESSIONS = 64;
/**
 * A link issued during the call is valid for the window plus this much (the end is not known
 * yet): the rendezvous lets the doctor in, and `report.save` still applies the window itself.
 */
export const ACTIVE_LINK_MARGIN_S = 12 * 60 * 60;

export interface ReportRooms {
  reportInvite(room: string, ttlS: number): CallInvite;
  reportJoin(room: string, ttlS: number): StationJoin;
  /** The rendezvous's signed word on a seated doctor (identity-assertion.ts), checked; else null. */
  consultantIdentity?(assertion: string): AssertionClaims | null;
}

export interface ReportSessionDeps {
  readonly store: Pick<
    ConsultationStore,
    'detail' | 'saveReport' | 'amendWindowClosesMs' | 'audit' | 'verifiedConsultant'
  >;
  /** The call service's report rooms; without calls on this host, links are `unavailable`. */
  readonly rooms: () => ReportRooms | null;
  /** The amendment window now (the `reportAmendHours` setting), for links issued during the call. */
  readonly amendWindowMs: () => number;
  readonly now: () => number;
  /** The station's time zone, for a consultation's date (the care sheet's); the process's when absent. */
  readonly timeZone?: string;
}

interface ReportSession {
  readonly consultationId: string;
  readonly room: string;
  /** The audit actor of every write through this session: its link's invite id. */
  readonly actor: string;
  /** The doctor the rendezvous seated in this room, signed in with Pro Santé Connect. */
  doctor?: VerifiedConsultant;
}

/**
 * Report-only sessions (issue 12): after the end, the doctor may still add a report version, so
 * the station hands them a link to a room of its own where a data-only responder of the station's
 * page answers. The backstop is here: a session is a random id bound to one consultation, and the
 * only methods that take one load that consultation's latest versions and save new ones through
 * the store, whose seal refuses everything but a report version within the window. Nothing else
 * (chat, notes, media, another consultation) can be named through a session.
 */
export function reportSessionHandlers(deps: ReportSessionDeps): Pick<BackendApi, ReportMethod> {
  const sessions = new Map<string, ReportSession>();
  const sessionOf = (id: string): ReportSession => {
    const session = sessions.get(id);
    if (session === undefined)
      throw new AppErrorException(
        'forbidden',
        'report-session-unknown: no such report session on this station (it may have restarted): ask the station for a new link',
      );
    return session;
  };
  const rooms = (): ReportRooms => {
    const found = deps.rooms();
    if (found === null) throw new AppErrorException('unavailable', 'calls-not-set-up');
    return found;
  };
  /** Seconds until a session's room stops taking joins: the window's end, or later while active. */
  const ttlS = (consultationId: string): number => {
    const closesMs = deps.store.amendWindowClosesMs(consultationId);
    const nowMs = deps.now();
    if (closesMs === null) return Math.ceil(deps.amendWindowMs() / 1000) + ACTIVE_LINK_MARGIN_S;
    if (closesMs < nowMs)
      throw new AppErrorException(
        'forbidden',
        `amend-window-closed: consultation ${consultationId}: the amendment window closed ${new Date(closesMs).toISOString()}`,
      );
    return Math.max(1, Math.ceil((closesMs - nowMs) / 1000));
  };
  const closesAt = (consultationId: string): string | null => {
    const closesMs = deps.store.amendWindowClosesMs(consultationId);
    return closesMs === null ? null : new Date(closesMs).toISOString();
  };
  return {
    'report.link': ({ id }) =>
      run(() => {
        const room = randomId();
        const invite = rooms().reportInvite(room, ttlS(id));
        const jti = inviteIdOf(invite.consultantToken) ?? 'no-invite';
        const session = randomId();
        sessions.set(session, { consultationId: id, room, actor: `consultant:${jti}` });
        for (const old of sessions.keys()) {
          if (sessions.size <= MAX_REPORT_SESSIONS) break;
          sessions.delete(old);
        }
        deps.store.audit('report.link', id, `report-only link ${jti}, valid until ${invite.expiresAt}`);
        return {
          session,
          consultantUrl: invite.consultantUrl,
          consultantToken: invite.consultantToken,
          windowClosesAt: closesAt(id),
        };
      }),
    'report.join': ({ session }) =>
      run(() => {
        const { consultationId, room } = sessionOf(session);
        return rooms().reportJoin(room, ttlS(consultationId));
      }),
    'report.load': ({ session }) =>
      run((): ReportState => {
        const { consultationId, actor } = sessionOf(session);
        const detail = deps.store.detail(consultationId);
        deps.store.audit('consultation.open', consultationId, 'record opened for a report version', actor);
        const versions = detail.versions ?? [];
        const report = latestOf(versions, 'report');
        const careSheet = latestOf(versions, 'care-sheet');
        const { patient, consent, accompanying } = detail.summary;
        return {
          consultationId,
          status: detail.summary.status,
          patient: {
            familyName: patient.familyName,
            birthGivenNames: patient.birthGivenNames,
            ...(patient.usedGivenName === undefined ? {} : { usedGivenName: patient.usedGivenName }),
            birthDate: patient.birthDate,
            sex: patient.sex,
          },
          consent,
          accompanying,
          windowClosesAt: closesAt(consultationId),
          report: report === null ? null : { version: report.version, value: report.report },
          careSheet: careSheet === null ? null : { version: careSheet.version, value: careSheet.careSheet },
        };
      }),
    'report.identity': ({ session, assertion }) =>
      run(() => {
        const entry = sessionOf(session);
        const claims = rooms().consultantIdentity?.(assertion) ?? null;
        if (claims === null || claims.room !== entry.room)
          throw new AppErrorException(
            'forbidden',
            'consultant-identity-invalid: the assertion does not verify for this report room',
          );
        entry.doctor = claims.identity;
        return { consultationId: entry.consultationId, identity: claims.identity };
      }),
    'report.save': ({ session, report, careSheet }) =>
      run(() => {
        const { consultationId, actor, doctor } = sessionOf(session);
        if (report === undefined && careSheet === undefined)
          throw new AppErrorException('bad-request', 'report.save: give a report, a care sheet or both');
        // A verified record takes versions only from its own doctor, as the rendezvous seated them:
        // the author a page typed is checked by the store, who sent it is checked here.
        const verified = deps.store.verifiedConsultant(consultationId);
        if (verified !== null && doctor?.rpps !== verified.rpps) {
          deps.store.audit(
            'write.refused',
            consultationId,
            'report version refused: author-not-verified (the report-only room holds another doctor, or none verified)',
            actor,
          );
          throw new AppErrorException(
            'forbidden',
            'author-not-verified: the doctor in the report-only room is not the one Pro Santé Connect verified for this record',
          );
        }
        if (careSheet !== undefined)
          checkCareSheet(careSheet, deps.store.detail(consultationId), report, deps.timeZone);
        const saved = deps.store.saveReport(consultationId, report, careSheet, actor);
        return {
          ...(saved.report === undefined ? {} : { reportVersion: saved.report }),
          ...(saved.careSheet === undefined ? {} : { careSheetVersion: saved.careSheet }),
        };
      }),
  };
}

/** A store call as a promise; a store failure answers `unavailable` with its reason, like records. */
function run<T>(fn: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(fn())).catch((cause: unknown) => {
    if (cause instanceof RecordsError)
      throw new AppErrorException('unavailable', `records: ${cause.code}: ${cause.message}`);
    throw cause;
  });
}

/** Every report-session method answering `unavailable` (no records on this host). */
export function unavailableReportSessionHandlers(reason: string): Pick<BackendApi, ReportMethod> {
  const refuse = (method: ReportMethod) => () =>
    Promise.reject(new AppErrorException('unavailable', `${method}: ${reason}`));
  return {
    'report.link': refuse('report.link'),
    'report.join': refuse('report.join'),
    'report.load': refuse('report.load'),
    'report.save': refuse('report.save'),
    'report.identity': refuse('report.identity'),
  };
}
