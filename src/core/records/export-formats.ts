import type { ExportFormat, ExportLanguage } from '../../shared/domain/consultation';
import { AppErrorException } from '../../shared/result';
import type { ExportSource } from '../exports/export-source';

/**
 * The export formats and who makes each: a small registry, so an export module plugs in with one
 * line and a format whose module is not there yet answers `unavailable` instead of failing.
 */
export interface ExportRequest {
  readonly language: ExportLanguage;
  readonly generatedAt: Date;
  readonly timeZone?: string;
}

export interface ExportedFile {
  readonly mime: string;
  /** Without the extension's dot: `pdf`, `json`. */
  readonly extension: string;
  /** What the file is, in the file name: `consultation`, `fhir`, `care-sheet`. */
  readonly label: string;
  readonly bytes: Uint8Array;
}

export type ExportMaker = (source: ExportSource, request: ExportRequest) => Promise<ExportedFile>;

export type ExportRegistry = Partial<Record<ExportFormat, ExportMaker>>;

export async function runExport(
  registry: ExportRegistry,
  format: ExportFormat,
  source: ExportSource,
  request: ExportRequest,
): Promise<ExportedFile> {
  const maker = registry[format];
  if (maker === undefined)
    throw new AppErrorException('unavailable', `the ${format} export is not available yet`);
  return maker(source, request);
}

export function jsonFile(label: string, value: unknown, mime = 'application/json'): ExportedFile {
  return {
    mime,
    extension: 'json',
    label,
    bytes: new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`),
  };
}
