import type { ConsultationDetail } from '../../../../src/shared/domain/consultation';
import type { RecordedNumeric, WaveformSegment } from '../../../../src/core/exports/export-source';
import { buildFhirExport } from '../../../../src/core/exports/fhir/build-bundle';
import type { FhirExport, FhirObject, FhirResource } from '../../../../src/core/exports/fhir/types';
import { MemoryExportSource } from '../../../helpers/consultation-fixture';

export const GENERATED_AT = new Date('2026-11-25T10:00:00.000Z');
/** A stand-in report PDF: the bundle carries the bytes, it does not read them. */
export const REPORT_PDF = new Uint8Array(
  Buffer.from('%PDF-1.7\n% teleconsultation report\n%%EOF\n', 'latin1'),
);

/** Exports with the stand-in PDF, or with none when `reportPdf` is null. */
export function exportOf(source: MemoryExportSource, reportPdf: Uint8Array | null = REPORT_PDF): FhirExport {
  return buildFhirExport(source, { generatedAt: GENERATED_AT, ...(reportPdf === null ? {} : { reportPdf }) });
}

export function resources(result: FhirExport, type?: string): FhirResource[] {
  return result.bundle.entry
    .map((e) => e.resource)
    .filter((r) => type === undefined || r.resourceType === type);
}

/** Every waveform segment of a source, channel by channel (the fixture keeps its arrays private). */
export function allSegments(source: MemoryExportSource): WaveformSegment[] {
  return source.detail.waveforms.flatMap((c) => source.waveform(c.device, c.metric, -Infinity, Infinity));
}

/** The fixture with some parts replaced (bad input, extra metrics). */
export function variant(
  base: MemoryExportSource,
  change: {
    detail?: (detail: ConsultationDetail) => ConsultationDetail;
    numerics?: (numerics: RecordedNumeric[]) => RecordedNumeric[];
    segments?: (segments: WaveformSegment[]) => WaveformSegment[];
    dropMedia?: string;
  },
): MemoryExportSource {
  const media = new Map<string, Uint8Array>();
  for (const info of base.detail.media)
    if (info.id !== change.dropMedia) media.set(info.id, base.media(info.id));
  return new MemoryExportSource(
    change.detail?.(base.detail) ?? base.detail,
    change.numerics?.([...base.numerics()]) ?? [...base.numerics()],
    change.segments?.(allSegments(base)) ?? allSegments(base),
    media,
  );
}

/** Reads a path of object keys / array indexes from a resource; undefined when absent. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

export function codings(
  resource: FhirObject,
  ...path: (string | number)[]
): { system: string; code: string }[] {
  return (at(resource, ...path, 'coding') as { system: string; code: string }[] | undefined) ?? [];
}
