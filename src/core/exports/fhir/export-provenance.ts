import type { ExportSource } from '../export-source';
import type { BundleWriter } from './bundle-writer';
import { PROVENANCE_AGENT_TYPE_SYSTEM } from './codes';
import { ENCOUNTER_KEY } from './encounter';

const STATION_KEY = 'device/station-software';

/**
 * Who assembled the bundle and when: the station software as a Device (name, version) and a
 * Provenance (agent type `assembler`) on the encounter, recorded at the export instant.
 */
export function addExportProvenance(
  writer: BundleWriter,
  station: ExportSource['station'],
  generatedAt: string,
): void {
  writer.add(STATION_KEY, {
    resourceType: 'Device',
    status: 'active',
    deviceName: [{ name: station.name, type: 'user-friendly-name' }],
    type: { text: 'Teleconsultation station software' },
    version: [{ value: station.version }],
  });
  writer.add('provenance/export', {
    resourceType: 'Provenance',
    target: [writer.ids.reference(ENCOUNTER_KEY)],
    recorded: generatedAt,
    activity: { text: 'FHIR export of the consultation record' },
    agent: [
      {
        type: { coding: [{ system: PROVENANCE_AGENT_TYPE_SYSTEM, code: 'assembler', display: 'Assembler' }] },
        who: writer.ids.reference(STATION_KEY),
      },
    ],
  });
}
