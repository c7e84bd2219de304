import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PDF as pdfjs-dist reads it back: what a viewer would show, not what we meant to write. */
export interface ParsedPdf {
  readonly numPages: number;
  readonly pages: readonly {
    readonly text: string;
    readonly width: number;
    readonly height: number;
    readonly operatorCount: number;
  }[];
  readonly info: Record<string, unknown>;
}

/**
 * Parses PDFs with the real pdfjs-dist in a child `node` process (see parse-pdf.mjs for why), all
 * in one process so the suite pays pdfjs's start-up once per call.
 */
export function parsePdfs(pdfs: readonly Uint8Array[]): ParsedPdf[] {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    const paths = pdfs.map((bytes, i) => {
      const path = join(dir, `${i}.pdf`);
      writeFileSync(path, bytes);
      return path;
    });
    const out = execFileSync(process.execPath, [join(__dirname, 'parse-pdf.mjs'), ...paths], {
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    });
    return JSON.parse(out) as ParsedPdf[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of every page, whitespace (including no-break spaces) folded to single spaces. */
export function plainText(pdf: ParsedPdf): string {
  return pdf.pages.map((page) => page.text.replace(/\s+/gu, ' ')).join('\n');
}
