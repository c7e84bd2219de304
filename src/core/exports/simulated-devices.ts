import type { ConsultationDetail } from '../../shared/domain/consultation';

/**
 * Which devices of a record were our simulator (issue 11: simulated stays simulated). The record
 * knows it from its device timeline entries, written with the device manager's `simulated` flag;
 * records made before the flag existed say nothing and count as real.
 */
export interface SimulatedDevices {
  /** Every simulated device the record saw, with or without readings. */
  readonly all: ReadonlySet<string>;
  /** The simulated devices that gave readings (numerics or waveforms) to this record. */
  readonly withReadings: ReadonlySet<string>;
}

export function simulatedDevices(detail: ConsultationDetail): SimulatedDevices {
  const all = new Set<string>();
  for (const event of detail.timeline)
    if (event.kind === 'device' && event.simulated === true) all.add(event.device);
  const recorded = new Set([...detail.metrics, ...detail.waveforms].map((channel) => channel.device));
  return { all, withReadings: new Set([...all].filter((device) => recorded.has(device))) };
}
