import type { PDFImage } from 'pdf-lib';
import type { MediaInfo } from '../../../shared/domain/consultation';
import { COLORS, mm } from './pdf-units';
import type { ReportContext } from './report-context';
import { fitText } from './text-wrap';

/** Largest printed snapshot: two side by side on a portrait page. */
const MAX_WIDTH_MM = 85;
const MAX_HEIGHT_MM = 64;
const GAP_MM = 6;
const CAPTION_PT = 8;

/**
 * Snapshots printed at most 85 × 64 mm (aspect kept, never enlarged past 2× their pixels) with
 * their label and time; stethoscope recordings listed, since audio cannot be printed. An image the
 * record cannot give back or pdf-lib cannot decode is named with a note instead of failing the
 * whole report.
 */
export async function mediaSection(context: ReportContext): Promise<void> {
  const { t, format, layout, source } = context;
  const media = [...source.detail.media].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  layout.heading(t.media);
  if (media.length === 0) {
    layout.paragraph(t.noMedia);
    return;
  }
  const snapshots = media.filter((m) => m.kind === 'snapshot');
  const printed: PrintedSnapshot[] = [];
  for (const info of snapshots) {
    const image = await embedSnapshot(context, info);
    printed.push({
      image,
      size: image === null ? { width: mm(MAX_WIDTH_MM), height: mm(12) } : fitImage(image),
      lines: [
        t.snapshotCaption(info.label ?? t.snapshot, format.dateTime(Date.parse(info.takenAt))),
        ...(image === null ? [t.snapshotUnreadable] : []),
      ],
    });
  }
  // Two per row; each row as tall as its tallest image and captions.
  for (let i = 0; i < printed.length; i += 2) {
    const row = printed.slice(i, i + 2);
    const rowHeight = Math.max(...row.map((p) => p.size.height + p.lines.length * CAPTION_PT * 1.25)) + mm(4);
    const top = layout.reserve(rowHeight) + rowHeight;
    row.forEach((snapshot, column) =>
      drawSnapshot(context, snapshot, layout.left + column * mm(MAX_WIDTH_MM + GAP_MM), top),
    );
  }

  const recordings = media.filter((m) => m.kind === 'stethoscope');
  if (recordings.length > 0) {
    layout.heading(t.stethoscope, 2);
    for (const info of recordings) {
      const duration = info.durationS === undefined ? t.empty : format.duration(info.durationS);
      layout.paragraph(
        `• ${t.stethoscopeItem(info.label ?? t.stethoscope, format.dateTime(Date.parse(info.takenAt)), duration)}`,
      );
    }
    layout.paragraph(t.audioNote, { size: 9, color: COLORS.muted });
  }
}

interface PrintedSnapshot {
  readonly image: PDFImage | null;
  readonly size: { readonly width: number; readonly height: number };
  readonly lines: readonly string[];
}

function drawSnapshot(context: ReportContext, snapshot: PrintedSnapshot, x: number, top: number): void {
  const page = context.layout.currentPage;
  const font = context.layout.fonts.regular;
  const { image, size } = snapshot;
  if (image === null) {
    page.drawRectangle({ x, y: top - size.height, ...size, borderColor: COLORS.rule, borderWidth: 0.5 });
  } else {
    page.drawImage(image, { x, y: top - size.height, ...size });
  }
  snapshot.lines.forEach((line, i) => {
    const text = fitText(context.layout.printable(line, font), mm(MAX_WIDTH_MM), (s) =>
      font.widthOfTextAtSize(s, CAPTION_PT),
    );
    page.drawText(text, {
      x,
      y: top - size.height - (i + 1) * CAPTION_PT * 1.25,
      size: CAPTION_PT,
      font,
      color: i === 0 ? COLORS.text : COLORS.warning,
    });
  });
}

async function embedSnapshot(context: ReportContext, info: MediaInfo): Promise<PDFImage | null> {
  try {
    const bytes = context.source.media(info.id);
    const doc = context.layout.currentPage.doc;
    return info.mime === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  } catch {
    return null;
  }
}

function fitImage(image: PDFImage): { width: number; height: number } {
  const scale = Math.min(mm(MAX_WIDTH_MM) / image.width, mm(MAX_HEIGHT_MM) / image.height, 2);
  return { width: image.width * scale, height: image.height * scale };
}
