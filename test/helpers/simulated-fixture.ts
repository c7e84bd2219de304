import type { ConsultationDetail } from '../../src/shared/domain/consultation';

/**
 * The record as it is when `device` was our simulator: its timeline's device entries carry the
 * device manager's `simulated` flag (a connection is added when the fixture has none for it).
 */
export function withSimulatedDevice(detail: ConsultationDetail, device: string): ConsultationDetail {
  const name = detail.devices.find((d) => d.id === device)?.name ?? device;
  const marked = detail.timeline.map((event) =>
    event.kind === 'device' && event.device === device ? { ...event, simulated: true } : event,
  );
  const hasEntry = marked.some((event) => event.kind === 'device' && event.device === device);
  const timeline = hasEntry
    ? marked
    : [
        ...marked.slice(0, 2),
        {
          kind: 'device' as const,
          time: detail.summary.startedAt,
          device,
          name,
          state: 'connected' as const,
          simulated: true,
        },
        ...marked.slice(2),
      ];
  return { ...detail, timeline };
}
