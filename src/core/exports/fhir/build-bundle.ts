import type { ExportSource } from '../export-source';
import { addMedia, addReportDocument } from './attachments';
import { BundleWriter } from './bundle-writer';
import { URI_IDENTIFIER_SYSTEM } from './codes';
import { addConsent } from './consent';
import { addConsultantVerification } from './consultant-verification';
import { DeviceDirectory } from './devices';
import { addEncounter } from './encounter';
import { addExportProvenance } from './export-provenance';
import { nameBasedUuid } from './ids';
import { addNumericObservations } from './numeric-observations';
import { addParticipants, consultantOf } from './participants';
import type { FhirBundle, FhirBundleOptions, FhirExport } from './types';
import { addWaveformObservations } from './waveform-observations';

export type { FhirBundle, FhirBundleOptions, FhirExport, FhirExportWarning } from './types';

/**
 * One consultation as a FHIR R4 `collection` Bundle (README.md beside this file explains every
 * choice). Pure: no I/O, no clock; the same source and options give the same JSON.
 */
export function buildFhirBundle(source: ExportSource, options: FhirBundleOptions): FhirBundle {
  return buildFhirExport(source, options).bundle;
}

/** The bundle and what it had to leave out (unknown metrics, missing bytes, …), with reasons. */
export function buildFhirExport(source: ExportSource, options: FhirBundleOptions): FhirExport {
  const { detail } = source;
  const generatedAt = options.generatedAt.toISOString();
  const writer = new BundleWriter(detail.summary.id);

  addParticipants(writer, detail);
  if (consultantOf(detail) !== null) addConsultantVerification(writer, detail, options.language ?? 'en');
  addEncounter(writer, detail);
  addConsent(writer, detail);
  const devices = new DeviceDirectory(writer, options.language);
  devices.addListed(detail);
  addNumericObservations(writer, source.numerics(), devices);
  addWaveformObservations(writer, source, devices);
  addMedia(writer, source);
  addReportDocument(writer, source, options.reportPdf, generatedAt);
  addExportProvenance(writer, source.station, generatedAt);

  // The bundle's id names this export (consultation + instant); resource ids name the record's
  // content and stay the same from one export to the next.
  const bundleId = nameBasedUuid(`${detail.summary.id}/bundle/${generatedAt}`);
  const bundle: FhirBundle = {
    resourceType: 'Bundle',
    id: bundleId,
    identifier: { system: URI_IDENTIFIER_SYSTEM, value: `urn:uuid:${bundleId}` },
    type: 'collection',
    timestamp: generatedAt,
    entry: writer.bundleEntries,
  };
  return { bundle, warnings: writer.warnings };
}
