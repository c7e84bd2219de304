import { createHash } from 'node:crypto';
import type { ExportSource } from '../export-source';
import { simulatedDevices } from '../simulated-devices';
import { withSimulatedLabel, type BundleWriter } from './bundle-writer';
import { MEDIA_TYPE_SYSTEM, URI_IDENTIFIER_SYSTEM } from './codes';
import { ENCOUNTER_KEY } from './encounter';
import { loincCoding } from './observation-parts';
import { CONSULTANT_KEY, PATIENT_KEY } from './participants';
import type { FhirObject } from './types';

/**
 * Snapshots and stethoscope recordings → R4 Media; the report PDF → DocumentReference. Attachments
 * carry their bytes inline (base64) with size and SHA-1 hash, so the bundle is self-contained.
 */

export function addMedia(writer: BundleWriter, source: ExportSource): void {
  for (const media of source.detail.media) {
    let bytes: Uint8Array;
    try {
      bytes = source.media(media.id);
    } catch (error) {
      writer.warn(`media ${media.id} (${media.kind})`, `bytes unavailable: ${(error as Error).message}`);
      continue;
    }
    const isImage = media.kind === 'snapshot';
    writer.add(`media/${media.id}`, {
      resourceType: 'Media',
      status: 'completed',
      type: {
        coding: [
          {
            system: MEDIA_TYPE_SYSTEM,
            code: isImage ? 'image' : 'audio',
            display: isImage ? 'Image' : 'Audio',
          },
        ],
      },
      subject: writer.ids.reference(PATIENT_KEY),
      encounter: writer.ids.reference(ENCOUNTER_KEY),
      createdDateTime: media.takenAt,
      ...(media.width === undefined ? {} : { width: media.width }),
      ...(media.height === undefined ? {} : { height: media.height }),
      ...(media.durationS === undefined ? {} : { duration: media.durationS }),
      content: attachment(bytes, media.mime, media.takenAt, media.label),
    });
  }
}

export function addReportDocument(
  writer: BundleWriter,
  source: ExportSource,
  reportPdf: Uint8Array | undefined,
  generatedAt: string,
): void {
  const { detail } = source;
  if (reportPdf === undefined) {
    writer.warn(
      'report PDF',
      detail.report === null ? 'no report written yet' : 'report PDF not provided to the export',
    );
    return;
  }
  const key = 'document/report';
  const period = {
    start: detail.summary.startedAt,
    ...(detail.summary.endedAt === null ? {} : { end: detail.summary.endedAt }),
  };
  const document = {
    resourceType: 'DocumentReference',
    masterIdentifier: { system: URI_IDENTIFIER_SYSTEM, value: writer.ids.fullUrl(key) },
    status: 'current',
    docStatus: detail.report === null ? 'preliminary' : 'final',
    type: { coding: [loincCoding('11488-4')], text: 'Teleconsultation report' },
    subject: writer.ids.reference(PATIENT_KEY),
    date: generatedAt,
    ...(writer.has(CONSULTANT_KEY) ? { author: [writer.ids.reference(CONSULTANT_KEY)] } : {}),
    description: 'Teleconsultation report (compte rendu de téléconsultation)',
    content: [
      { attachment: attachment(reportPdf, 'application/pdf', generatedAt, 'Teleconsultation report') },
    ],
    context: { encounter: [writer.ids.reference(ENCOUNTER_KEY)], period },
  };
  // The report prints a simulator's readings (under its SIMULATED banner): labelled like them.
  const simulated = simulatedDevices(detail).withReadings.size > 0;
  writer.add(key, simulated ? withSimulatedLabel(document) : document);
}

function attachment(
  bytes: Uint8Array,
  contentType: string,
  creation: string,
  title: string | undefined,
): FhirObject {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    contentType,
    data: buffer.toString('base64'),
    size: buffer.byteLength,
    hash: createHash('sha1').update(buffer).digest('base64'),
    ...(title === undefined || title === '' ? {} : { title }),
    creation,
  };
}
