import { technicalIncidents, type TechnicalIncident } from '../technical-incidents';
import type { ReportContext } from './report-context';
import { deviceLabel } from './report-context';

/**
 * The technical incidents of the consultation, in their own section: the record must hold them
 * (CSP R6316-4, see technical-incidents.ts). Call drops and reconnections, devices lost and back,
 * readings not saved and the gaps they left, a station stopped mid-consultation (and resumed). "None" is said
 * too: a reader must be able to tell "no incident" from "not reported".
 */
export function incidentsSection(context: ReportContext): void {
  const { t, layout, times } = context;
  layout.heading(t.incidents);
  const incidents = technicalIncidents(context.source.detail);
  if (incidents.length === 0) {
    layout.paragraph(t.noIncidents);
    return;
  }
  layout.table(
    [
      { title: t.incidentTime, weight: 2 },
      { title: t.incident, weight: 8 },
    ],
    incidents.map((incident) => [times.at(incident.time), describe(context, incident)]),
  );
}

function describe(context: ReportContext, incident: TechnicalIncident): string {
  const { t, times } = context;
  switch (incident.kind) {
    case 'call-dropped':
      return t.callDropped;
    case 'call-reconnected':
      return t.callReconnected;
    case 'device-disconnected':
      return t.deviceDisconnected(deviceLabel(context, incident.device), incident.reason);
    case 'device-reconnected':
      return t.deviceReconnected(deviceLabel(context, incident.device));
    case 'recording-failed':
      return t.recordingFailed(incident.code, incident.droppedReadings);
    case 'recording-resumed':
      return t.recordingResumed(incident.code, times.at(incident.since), incident.droppedReadings);
    case 'interrupted':
      return t.stationStopped;
    case 'host-restarted':
      return t.hostRestarted(times.at(incident.since));
  }
}
