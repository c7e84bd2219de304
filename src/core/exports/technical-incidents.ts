import type {
  ConsultationDetail,
  RecordingProblemCode,
  TimelineEvent,
} from '../../shared/domain/consultation';
import type { DeviceErrorCode } from '../../shared/domain/devices';

/**
 * The technical incidents of a consultation, read from its timeline: the record must hold them
 * (Code de la santé publique, art. R6316-4 as amended by décret n° 2021-707 of 3 June 2021: the
 * professional writes in the patient's record the report, the acts and prescriptions, the
 * professionals' identities, the date and time of the act and "le cas échéant, les incidents
 * techniques survenus au cours de l'acte"). Codes only: each export words them in its language.
 */
export type TechnicalIncident =
  | { readonly kind: 'call-dropped'; readonly time: string }
  | { readonly kind: 'call-reconnected'; readonly time: string }
  | {
      readonly kind: 'device-disconnected';
      readonly time: string;
      readonly device: string;
      readonly name: string;
      readonly reason: DeviceErrorCode | null;
    }
  | {
      readonly kind: 'device-reconnected';
      readonly time: string;
      readonly device: string;
      readonly name: string;
    }
  | {
      readonly kind: 'recording-failed';
      readonly time: string;
      readonly code: RecordingProblemCode;
      readonly droppedReadings: number;
    }
  | {
      readonly kind: 'recording-resumed';
      readonly time: string;
      readonly code: RecordingProblemCode;
      /** When the failure began: the gap in the record runs from here to `time`. */
      readonly since: string;
      readonly droppedReadings: number;
    }
  | { readonly kind: 'interrupted'; readonly time: string }
  /** The host restarted and resumed the consultation: nothing was recorded from `since` to `time`. */
  | { readonly kind: 'host-restarted'; readonly time: string; readonly since: string };

export type TechnicalIncidentKind = TechnicalIncident['kind'];

/** In timeline order. A device that connects again after a disconnection has reconnected. */
export function technicalIncidents(detail: ConsultationDetail): TechnicalIncident[] {
  const disconnected = new Set<string>();
  const incidents: TechnicalIncident[] = [];
  for (const event of detail.timeline) {
    const incident = incidentOf(event, disconnected);
    if (incident !== null) incidents.push(incident);
  }
  return incidents;
}

function incidentOf(event: TimelineEvent, disconnected: Set<string>): TechnicalIncident | null {
  if (event.kind === 'call') {
    if (event.state === 'reconnecting') return { kind: 'call-dropped', time: event.time };
    if (event.state === 'reconnected') return { kind: 'call-reconnected', time: event.time };
    return null;
  }
  if (event.kind === 'device') {
    const { time, device, name } = event;
    if (event.state === 'disconnected') {
      disconnected.add(device);
      return { kind: 'device-disconnected', time, device, name, reason: event.reason ?? null };
    }
    return disconnected.delete(device) ? { kind: 'device-reconnected', time, device, name } : null;
  }
  if (event.kind === 'recording') {
    const { time, code, droppedReadings } = event;
    return event.state === 'failing'
      ? { kind: 'recording-failed', time, code, droppedReadings }
      : { kind: 'recording-resumed', time, code, since: event.since, droppedReadings };
  }
  if (event.kind === 'interrupted') return { kind: 'interrupted', time: event.time };
  if (event.kind === 'host-restarted')
    return { kind: 'host-restarted', time: event.time, since: event.since };
  // Everything else (chat, notes, media, report…) is the consultation itself, not an incident.
  return null;
}
