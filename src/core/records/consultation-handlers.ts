import { API_METHOD_NAMES, type ApiMethod, type BackendApi } from '../../shared/api';
import type { DeviceInfo } from '../../shared/domain/devices';
import { isEpisodic, isMetricId } from '../../shared/domain/metrics';
import type { Reading } from '../../shared/domain/readings';
import type { ConsultationSummary } from '../../shared/domain/consultation';
import { AppErrorException } from '../../shared/result';
import { checkCareSheet } from './care-sheet-check';
import type { ConsultationStore } from './consultation-store';
import { DatabaseExportSource } from './database-export-source';
import { exportFileName } from './export-file-name';
import { runExport, type ExportRegistry } from './export-formats';
import { LiveSummary } from './live-summary';
import { PendingMeasurements } from './pending-measurements';
import type { Recorder } from './recorder';
import { RecordsError } from './records-error';

/** The records' share of the API: every `consultation.*` method and the audit log. */
export type ConsultationMethod = Extract<ApiMethod, `consultation.${string}` | 'audit.list'>;

export const CONSULTATION_METHODS: readonly ConsultationMethod[] = API_METHOD_NAMES.filter(
  (method): method is ConsultationMethod => method.startsWith('consultation.') || method === 'audit.list',
);

export interface ConsultationHandlerDeps {
  readonly store: ConsultationStore;
  readonly recorder: Recorder;
  readonly exports: ExportRegistry;
  readonly station: { readonly name: string; readonly version: string };
  /** The devices connected now, so a new consultation's timeline starts with them. */
  readonly devices: () => readonly DeviceInfo[];
  /** `consultation.changed`, with the active consultation (or null). */
  readonly changed: (summary: ConsultationSummary | null) => void;
  readonly now: () => number;
  /** The active consultation with its recording health; made here when not given. */
  readonly live?: LiveSummary;
  /** Measurements from before the active consultation (the recorder fills it); made here when not given. */
  readonly pending?: PendingMeasurements;
  /**
   * The latest reading of each device and metric (the reading bus): at a start, a cuff result
   * taken since the last consultation ended (the nurse measured, then filled the form) is offered
   * as pending, since it arrived when no consultation could take it.
   */
  readonly latestReadings?: () => readonly Reading[];
  /** The doctor of a consultation as the station knows them (their invite), for the audit log. */
  readonly consultantActor?: (consultationId: string) => string;
  /** The station's time zone, for a consultation's date (the care sheet's); the process's when absent. */
  readonly timeZone?: string;
}

/**
 * The `consultation.*` and `audit.list` methods over the store. Params arrive already validated
 * against the contract (backend.ts). Every change emits `consultation.changed`; openings, exports
 * and deletions are written to the audit log. Store errors keep their meaning on the wire: a full
 * disk answers `unavailable` with the reason, never `internal`.
 */
export function consultationHandlers(deps: ConsultationHandlerDeps): Pick<BackendApi, ConsultationMethod> {
  const { store, recorder } = deps;
  const pending = deps.pending ?? new PendingMeasurements();
  const live = deps.live ?? new LiveSummary(store, () => recorder, pending);
  const changed = (): void => deps.changed(live.current());
  const consultant = deps.consultantActor ?? (() => 'consultant:no-invite');
  /** When the last consultation of this run ended: nothing measured before it is offered to the next. */
  let lastEndedMs = -Infinity;
  const offerEarlierMeasurements = (summary: ConsultationSummary): void => {
    if (!summary.consent.deviceData) return;
    const startedMs = Date.parse(summary.startedAt);
    for (const reading of deps.latestReadings?.() ?? []) {
      if (reading.type !== 'numeric' || !isMetricId(reading.metric) || !isEpisodic(reading.metric)) continue;
      const timeMs = Date.parse(reading.time);
      if (timeMs < startedMs && timeMs > lastEndedMs) pending.add(summary.id, reading, deps.now());
    }
  };
  /** The pending measurement of the active consultation, or why there is none to decide on. */
  const pendingOf = (id: string, measurementId: string) => {
    const active = store.activeRecording();
    if (active?.id !== id)
      throw new AppErrorException(
        'forbidden',
        `consultation-not-active: consultation ${id} is not the active one`,
      );
    const measurement = pending.get(id, measurementId);
    if (measurement === undefined)
      throw new AppErrorException(
        'not-found',
        `measurement-not-pending: ${measurementId} is not waiting for a decision (confirmed, dismissed or gone)`,
      );
    return measurement;
  };
  return {
    'consultation.start': (input) =>
      run(() => {
        const summary = store.start(input);
        pending.reset(summary.id);
        offerEarlierMeasurements(summary);
        recorder.noteConnectedDevices(deps.devices());
        changed();
        return live.current() ?? summary;
      }),
    'consultation.current': () => run(() => live.current()),
    'consultation.append': ({ id, event, via }) =>
      run(() => {
        // The doctor's chat lines and notes are theirs; the station's, its operator's.
        const byDoctor = via === 'consultant' || (event.kind === 'chat' && event.from === 'consultant');
        if (byDoctor) store.append(id, event, consultant(id), true);
        else store.append(id, event);
        changed();
        return null;
      }),
    'consultation.attach': ({ id, kind, mime, dataBase64, takenAt, label }) =>
      run(() => {
        const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
        const info = store.attach(id, {
          kind,
          mime,
          bytes,
          takenAt,
          ...(label === undefined ? {} : { label }),
        });
        changed();
        return { mediaId: info.id };
      }),
    'consultation.report': ({ id, report, careSheet }) =>
      run(() => {
        if (report === undefined && careSheet === undefined)
          throw new AppErrorException(
            'bad-request',
            'consultation.report: give a report, a care sheet or both',
          );
        if (careSheet !== undefined) checkCareSheet(careSheet, store.detail(id), report, deps.timeZone);
        const saved = store.saveReport(id, report, careSheet, consultant(id));
        changed();
        return {
          summary: saved.summary,
          ...(saved.report === undefined ? {} : { reportVersion: saved.report }),
          ...(saved.careSheet === undefined ? {} : { careSheetVersion: saved.careSheet }),
        };
      }),
    'consultation.doctorRequest': ({ id, request }) =>
      run(() => {
        store.doctorRequest(id, request, consultant(id));
        return null;
      }),
    'consultation.end': ({ id }) =>
      run(() => {
        // The last window's readings belong to the consultation: commit them before closing it.
        recorder.flush();
        const summary = store.end(id);
        if (store.activeRecording() === null) {
          pending.reset(null);
          lastEndedMs = Math.max(lastEndedMs, Date.parse(summary.endedAt ?? '') || deps.now());
        }
        changed();
        return summary;
      }),
    'consultation.confirmMeasurement': ({ id, measurementId }) =>
      run(() => {
        const measurement = pendingOf(id, measurementId);
        // Readings of this consultation first, so the window's order stays the arrival order.
        recorder.flush();
        const confirmation = store.confirmMeasurement(id, measurement);
        recorder.noteConfirmed(
          measurement.device,
          measurement.values.map((v) => v.metric),
          measurement.measuredAt,
        );
        pending.resolve(id, measurementId, { kind: 'confirmed', ...confirmation });
        changed();
        return activeSummary(live, id);
      }),
    'consultation.dismissMeasurement': ({ id, measurementId }) =>
      run(() => {
        const measurement = pendingOf(id, measurementId);
        store.dismissMeasurement(id, measurement);
        pending.resolve(id, measurementId, { kind: 'dismissed' });
        changed();
        return activeSummary(live, id);
      }),
    'consultation.list': ({ limit }) => run(() => store.list(limit)),
    'consultation.get': ({ id }) =>
      run(() => {
        const detail = store.detail(id);
        store.audit('consultation.open', id, 'record opened');
        return detail;
      }),
    'consultation.media': ({ id, mediaId }) =>
      run(() => {
        const media = store.media(id, mediaId);
        return { mime: media.mime, dataBase64: Buffer.from(media.bytes).toString('base64') };
      }),
    'consultation.export': async ({ id, format, language }) => {
      const source = await run(() => new DatabaseExportSource(store, id, deps.station));
      const file = await runExport(deps.exports, format, source, {
        language,
        generatedAt: new Date(deps.now()),
      }).catch((cause: unknown) => {
        throw asAppError(cause);
      });
      const summary = source.detail.summary;
      const fileName = exportFileName(
        file.label,
        summary.startedAt,
        summary.patient.familyName,
        file.extension,
      );
      await run(() =>
        store.audit(
          'consultation.export',
          id,
          `${format} (${language}) ${fileName}, ${file.bytes.length} bytes`,
        ),
      );
      return { fileName, mime: file.mime, dataBase64: Buffer.from(file.bytes).toString('base64') };
    },
    'consultation.delete': ({ id }) =>
      run(() => {
        store.delete(id);
        changed();
        return null;
      }),
    'audit.list': ({ limit }) => run(() => store.auditList(limit)),
  };
}

/** The active consultation's live summary after a change made to it. */
function activeSummary(live: LiveSummary, id: string): ConsultationSummary {
  const summary = live.current();
  if (summary?.id !== id)
    throw new AppErrorException(
      'forbidden',
      `consultation-not-active: consultation ${id} is not the active one`,
    );
  return summary;
}

/** Runs a store call as a promise, with records errors mapped to API error codes. */
function run<T>(fn: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(fn())).catch((cause: unknown) => {
    throw asAppError(cause);
  });
}

function asAppError(cause: unknown): Error {
  if (cause instanceof RecordsError)
    return new AppErrorException('unavailable', `records: ${cause.code}: ${cause.message}`);
  return cause instanceof Error ? cause : new Error(String(cause));
}

/** Every records method answering `unavailable` with why (no records on this host, or it failed to open). */
export function unavailableConsultationHandlers(reason: string): Pick<BackendApi, ConsultationMethod> {
  const handlers: Partial<Record<ConsultationMethod, () => Promise<never>>> = {};
  for (const method of CONSULTATION_METHODS)
    handlers[method] = () => Promise.reject(new AppErrorException('unavailable', `${method}: ${reason}`));
  return handlers as Pick<BackendApi, ConsultationMethod>;
}
