import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { A4_PORTRAIT, COLORS, mm } from './pdf-units';
import { fitText, wrapText } from './text-wrap';
import { toWinAnsi } from './winansi-text';

export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly color?: RGB;
  /** Left indent from the margin, in points. */
  readonly indent?: number;
}

export interface TableColumn {
  readonly title: string;
  /** Share of the usable width. */
  readonly weight: number;
}

const MARGIN = mm(15);
const FOOTER_SPACE = mm(14);
const LINE_GAP = 1.3;

/**
 * Top-to-bottom flow of text and blocks over as many pages as needed: a cursor, automatic page
 * breaks, wrapped paragraphs, key/value lines and tables whose header repeats on each page. Pages
 * are only filled here; running headers, footers and "Page n / N" are stamped by `stampPages` once
 * the total is known.
 */
export class FlowLayout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  /** Distance of the cursor from the page bottom, in points. */
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    /** First line of each page after the first, so a loose sheet still says what it belongs to. */
    private readonly runningHeader: string,
  ) {}

  get pageWidth(): number {
    return this.page.getWidth();
  }
  get usableWidth(): number {
    return this.page.getWidth() - 2 * MARGIN;
  }
  get left(): number {
    return MARGIN;
  }
  get currentPage(): PDFPage {
    return this.page;
  }
  get cursor(): number {
    return this.y;
  }

  /** Starts a page (portrait unless told) and puts the cursor under its running header. */
  newPage(size: [number, number] = A4_PORTRAIT): PDFPage {
    this.page = this.doc.addPage(size);
    this.pages.push(this.page);
    this.y = this.page.getHeight() - MARGIN;
    if (this.pages.length > 1) {
      this.drawLine(this.runningHeader, { size: 8, color: COLORS.muted });
      this.rule();
    }
    return this.page;
  }

  /** Breaks the page unless `height` points are left above the footer. */
  ensureSpace(height: number, size?: [number, number]): void {
    if (this.y - height < FOOTER_SPACE + MARGIN / 2) this.newPage(size ?? pageSize(this.page));
  }

  /** Moves the cursor down. */
  space(points: number): void {
    this.y -= points;
  }

  /** Reserves a block of `height` points and returns its bottom-left corner's y. */
  reserve(height: number): number {
    this.ensureSpace(height);
    this.y -= height;
    return this.y;
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 13 : 11;
    // Keep a heading with at least a few lines of what follows it.
    this.ensureSpace(size * LINE_GAP + 40);
    this.space(level === 1 ? 8 : 4);
    this.drawLine(text, { size, bold: true, color: COLORS.accent });
    if (level === 1) this.rule();
    this.space(2);
  }

  /** Wrapped text; breaks pages between lines. */
  paragraph(text: string, style: TextStyle = {}): void {
    const font = style.bold === true ? this.fonts.bold : this.fonts.regular;
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const clean = toWinAnsi(text, font);
    const lines = wrapText(clean, this.usableWidth - indent, (t) => font.widthOfTextAtSize(t, size));
    for (const line of lines) this.drawLine(line, style, true);
  }

  /** `Label: value` lines, the label bold in a fixed column, the value wrapped beside it. */
  keyValues(rows: readonly (readonly [string, string])[], labelWidth = mm(62)): void {
    const size = 10;
    const { regular, bold } = this.fonts;
    for (const [label, value] of rows) {
      const lines = wrapText(toWinAnsi(value, regular), this.usableWidth - labelWidth, (t) =>
        regular.widthOfTextAtSize(t, size),
      );
      lines.forEach((line, i) => {
        this.ensureSpace(size * LINE_GAP);
        const y = this.y - size;
        if (i === 0) {
          const cleanLabel = fitText(toWinAnsi(label, bold), labelWidth - 6, (t) =>
            bold.widthOfTextAtSize(t, size),
          );
          this.page.drawText(cleanLabel, { x: MARGIN, y, size, font: bold, color: COLORS.text });
        }
        this.page.drawText(line, { x: MARGIN + labelWidth, y, size, font: regular, color: COLORS.text });
        this.y -= size * LINE_GAP;
      });
    }
  }

  /**
   * A table with a shaded header row repeated after each page break. Cells wrap; a row never
   * splits across pages (rows here are a few lines at most).
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], size = 9): void {
    const totalWeight = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / totalWeight) * this.usableWidth);
    const padding = 3;
    const lineHeight = size * LINE_GAP;
    const layoutRow = (cells: readonly string[], font: PDFFont): string[][] =>
      cells.map((cell, i) =>
        wrapText(toWinAnsi(cell, font), (widths[i] ?? 0) - 2 * padding, (t) =>
          font.widthOfTextAtSize(t, size),
        ),
      );
    const drawRow = (cells: string[][], font: PDFFont, fill?: RGB): void => {
      const height = Math.max(...cells.map((c) => c.length)) * lineHeight + 2 * padding;
      const bottom = this.y - height;
      if (fill !== undefined) {
        this.page.drawRectangle({ x: MARGIN, y: bottom, width: this.usableWidth, height, color: fill });
      }
      let x = MARGIN;
      cells.forEach((lines, i) => {
        lines.forEach((line, j) => {
          this.page.drawText(line, {
            x: x + padding,
            y: this.y - padding - size - j * lineHeight + (lineHeight - size) / 2,
            size,
            font,
            color: COLORS.text,
          });
        });
        x += widths[i] ?? 0;
      });
      this.page.drawLine({
        start: { x: MARGIN, y: bottom },
        end: { x: MARGIN + this.usableWidth, y: bottom },
        thickness: 0.4,
        color: COLORS.rule,
      });
      this.y = bottom;
    };
    const header = layoutRow(
      columns.map((c) => c.title),
      this.fonts.bold,
    );
    const headerHeight = Math.max(...header.map((c) => c.length)) * lineHeight + 2 * padding;
    const laidOut = rows.map((row) => layoutRow(row, this.fonts.regular));
    const rowHeight = (cells: string[][]): number =>
      Math.max(...cells.map((c) => c.length)) * lineHeight + 2 * padding;
    this.ensureSpace(headerHeight + (laidOut[0] === undefined ? 0 : rowHeight(laidOut[0])));
    drawRow(header, this.fonts.bold, COLORS.headerFill);
    for (const cells of laidOut) {
      if (this.y - rowHeight(cells) < FOOTER_SPACE + MARGIN / 2) {
        this.newPage(pageSize(this.page));
        drawRow(header, this.fonts.bold, COLORS.headerFill);
      }
      drawRow(cells, this.fonts.regular);
    }
  }

  rule(): void {
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: this.page.getWidth() - MARGIN, y: this.y },
      thickness: 0.5,
      color: COLORS.rule,
    });
    this.space(4);
  }

  /** One line of text at the cursor (already wrapped); `breakable` lets it start a new page. */
  private drawLine(text: string, style: TextStyle, breakable = false): void {
    const font = style.bold === true ? this.fonts.bold : this.fonts.regular;
    const size = style.size ?? 10;
    if (breakable) this.ensureSpace(size * LINE_GAP);
    this.page.drawText(toWinAnsi(text, font), {
      x: MARGIN + (style.indent ?? 0),
      y: this.y - size,
      size,
      font,
      color: style.color ?? COLORS.text,
    });
    this.y -= size * LINE_GAP;
  }
}

/**
 * Footer on every page: the patient's name and birth date on the left (a sheet separated from the
 * others still says whose it is), "Page n / N" on the right. With a `banner` (simulated data), a
 * framed warning line in the top margin of every page, so no single sheet can pass for real.
 */
export function stampPages(
  pages: readonly PDFPage[],
  fonts: Fonts,
  footerLeft: string,
  pageLabel: (n: number, total: number) => string,
  banner?: string,
): void {
  const size = 8;
  const left = toWinAnsi(footerLeft, fonts.regular);
  pages.forEach((page, i) => {
    if (banner !== undefined) stampBanner(page, fonts, banner);
    const label = toWinAnsi(pageLabel(i + 1, pages.length), fonts.regular);
    const y = MARGIN / 2 + 4;
    page.drawLine({
      start: { x: MARGIN, y: y + size + 3 },
      end: { x: page.getWidth() - MARGIN, y: y + size + 3 },
      thickness: 0.4,
      color: COLORS.rule,
    });
    const labelWidth = fonts.regular.widthOfTextAtSize(label, size);
    const room = page.getWidth() - 2 * MARGIN - labelWidth - 10;
    page.drawText(
      fitText(left, room, (t) => fonts.regular.widthOfTextAtSize(t, size)),
      { x: MARGIN, y, size, font: fonts.regular, color: COLORS.muted },
    );
    page.drawText(label, {
      x: page.getWidth() - MARGIN - labelWidth,
      y,
      size,
      font: fonts.regular,
      color: COLORS.muted,
    });
  });
}

const BANNER_PT = 8.5;

/** The warning line, bold and framed in the warning colour, centred in the top margin. */
function stampBanner(page: PDFPage, fonts: Fonts, banner: string): void {
  const room = page.getWidth() - 2 * MARGIN - 8;
  const text = fitText(toWinAnsi(banner, fonts.bold), room, (t) =>
    fonts.bold.widthOfTextAtSize(t, BANNER_PT),
  );
  const width = fonts.bold.widthOfTextAtSize(text, BANNER_PT);
  const y = page.getHeight() - MARGIN + 6;
  page.drawRectangle({
    x: MARGIN,
    y: y - 3,
    width: page.getWidth() - 2 * MARGIN,
    height: BANNER_PT + 6,
    borderColor: COLORS.warning,
    borderWidth: 0.8,
  });
  page.drawText(text, {
    x: (page.getWidth() - width) / 2,
    y,
    size: BANNER_PT,
    font: fonts.bold,
    color: COLORS.warning,
  });
}

function pageSize(page: PDFPage): [number, number] {
  return [page.getWidth(), page.getHeight()];
}
