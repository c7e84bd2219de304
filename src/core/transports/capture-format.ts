import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { formatIssues } from '../../shared/api-schema';
import { bytesToHex, hexToBytes } from './hex';

/**
 * `*.capture.jsonl`: raw device traffic with timestamps, one JSON object per line. The first line
 * is a header, every other line one chunk as it crossed the port:
 *
 *   {"format":"teleconsult-capture","version":1,"protocol":"contec-cms50-v7","path":"/dev/ttyUSB0","startedAt":"…"}
 *   {"t":1764089348123,"dir":"in","hex":"01e085b396c1e1ffff"}
 *
 * `dir` is seen from the station: `in` = device → station, `out` = station → device. Chunks keep
 * the OS's split so a replay exercises the decoder's reassembly the way the live port did.
 */
export const CAPTURE_FORMAT = 'teleconsult-capture';
export const CAPTURE_VERSION = 1;

const headerSchema = z.strictObject({
  format: z.literal(CAPTURE_FORMAT),
  version: z.literal(CAPTURE_VERSION),
  protocol: z.string().min(1).max(60),
  path: z.string().max(200),
  startedAt: z.iso.datetime({ offset: true }),
});
export type CaptureHeader = z.infer<typeof headerSchema>;

const chunkLineSchema = z.strictObject({
  t: z.number().finite().nonnegative(),
  dir: z.enum(['in', 'out']),
  hex: z.string().min(2).max(2_000_000),
});

export interface CaptureChunk {
  /** Epoch ms when the chunk crossed the port. */
  readonly t: number;
  readonly dir: 'in' | 'out';
  readonly bytes: Uint8Array;
}

export interface Capture {
  readonly header: CaptureHeader;
  readonly chunks: readonly CaptureChunk[];
}

/** A capture that does not follow the format; the message names the line (1-based). */
export class CaptureFormatError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`capture line ${line}: ${detail}`);
    this.name = 'CaptureFormatError';
  }
}

export function formatCaptureHeader(header: Omit<CaptureHeader, 'format' | 'version'>): string {
  const full: CaptureHeader = { format: CAPTURE_FORMAT, version: CAPTURE_VERSION, ...header };
  return JSON.stringify({
    format: full.format,
    version: full.version,
    protocol: full.protocol,
    path: full.path,
    startedAt: full.startedAt,
  });
}

export function formatCaptureChunk(chunk: CaptureChunk): string {
  return JSON.stringify({ t: chunk.t, dir: chunk.dir, hex: bytesToHex(chunk.bytes) });
}

/** Parses a whole capture; throws `CaptureFormatError` at the first bad line. Blank lines are skipped. */
export function parseCapture(text: string): Capture {
  const lines = text.split(/\r?\n/);
  let header: CaptureHeader | null = null;
  const chunks: CaptureChunk[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNo = index + 1;
    const json = parseJson(line, lineNo);
    if (header === null) {
      const parsed = headerSchema.safeParse(json);
      if (!parsed.success) throw new CaptureFormatError(lineNo, `bad header: ${formatIssues(parsed.error)}`);
      header = parsed.data;
      return;
    }
    chunks.push(parseChunkLine(json, lineNo));
  });
  if (header === null) throw new CaptureFormatError(1, 'empty capture: no header line');
  return { header, chunks };
}

export async function readCaptureFile(file: string): Promise<Capture> {
  return parseCapture(await readFile(file, 'utf8'));
}

/** True when the bytes start like a capture file (so `decode` can accept raw bytes or captures). */
export function looksLikeCapture(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 200)).trimStart();
  return head.startsWith('{') && head.includes(`"${CAPTURE_FORMAT}"`);
}

function parseChunkLine(json: unknown, lineNo: number): CaptureChunk {
  const parsed = chunkLineSchema.safeParse(json);
  if (!parsed.success) throw new CaptureFormatError(lineNo, `bad chunk: ${formatIssues(parsed.error)}`);
  const bytes = hexToBytes(parsed.data.hex);
  if (bytes === null) throw new CaptureFormatError(lineNo, 'bad chunk: hex must be pairs of hex digits');
  return { t: parsed.data.t, dir: parsed.data.dir, bytes };
}

function parseJson(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new CaptureFormatError(lineNo, 'not valid JSON');
  }
}
