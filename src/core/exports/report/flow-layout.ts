import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { A4_PORTRAIT, COLORS, mm } from './pdf-units';
import { printableText } from './printable-text';
import type { Fonts } from './report-document';
import { fitText, wrapText } from './text-wrap';

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
 * the total is known. Every string goes through `printableText` first, told where it is (the
 * headings above it, its label or column, the page), so text the fonts cannot print as written
 * fails the export with its place rather than printing something else.
 */
export class FlowLayout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  /** Distance of the cursor from the page bottom, in points. */
  private y = 0;
  /** The level-1 and level-2 headings the cursor is under. */
  private section: string | null = null;
  private subsection: string | null = null;

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

  /** Where text drawn now would be, as a refusal names it: `Patient › Family name, page 1`. */
  place(field?: string): string {
    const parts = [this.section, this.subsection, field].filter(
      (part): part is string => part !== null && part !== undefined && part !== '',
    );
    const page = `page ${this.pages.length}`;
    return parts.length === 0 ? page : `${parts.join(' › ')}, ${page}`;
  }

  /** `text` as it will be printed with `font` (see printable-text.ts); throws where it cannot be. */
  printable(text: string, font: PDFFont, field?: string): string {
    return printableText(text, font, this.place(field));
  }

  /** Starts a page (portrait unless told) and puts the cursor under its running header. */
  newPage(size: [number, number] = A4_PORTRAIT): PDFPage {
    this.page = this.doc.addPage(size);
    this.pages.push(this.page);
    this.y = this.page.getHeight() - MARGIN;
    if (this.pages.length > 1) {
      const style = { size: 8, color: COLORS.muted };
      this.drawLine(this.printable(this.runningHeader, this.fonts.regular, 'running header'), style);
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
    if (level === 1) this.section = text;
    this.subsection = level === 2 ? text : null;
    this.drawLine(this.printable(text, this.fonts.bold), { size, bold: true, color: COLORS.accent });
    if (level === 1) this.rule();
    this.space(2);
  }

  /** Wrapped text; breaks pages between lines. */
  paragraph(text: string, style: TextStyle = {}): void {
    const font = style.bold === true ? this.fonts.bold : this.fonts.regular;
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const clean = this.printable(text, font);
    const lines = wrapText(clean, this.usableWidth - indent, (t) => font.widthOfTextAtSize(t, size));
    for (const line of lines) this.drawLine(line, style, true);
  }

  /**
   * `Label: value` lines, the label bold in a fixed column, both wrapped in their column (a label
   * is never cut: DejaVu Sans is wider than the Helvetica the column was sized for).
   */
  keyValues(rows: readonly (readonly [string, string])[], labelWidth = mm(62)): void {
    const size = 10;
    const { regular, bold } = this.fonts;
    for (const [label, value] of rows) {
      const labelLines = wrapText(this.printable(label, bold, label), labelWidth - 6, (t) =>
        bold.widthOfTextAtSize(t, size),
      );
      const valueLines = wrapText(this.printable(value, regular, label), this.usableWidth - labelWidth, (t) =>
        regular.widthOfTextAtSize(t, size),
      );
      for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
        this.ensureSpace(size * LINE_GAP);
        const y = this.y - size;
        const labelLine = labelLines[i];
        const valueLine = valueLines[i];
        if (labelLine !== undefined && labelLine !== '') {
          this.page.drawText(labelLine, { x: MARGIN, y, size, font: bold, color: COLORS.text });
        }
        if (valueLine !== undefined && valueLine !== '') {
          this.page.drawText(valueLine, {
            x: MARGIN + labelWidth,
            y,
            size,
            font: regular,
            color: COLORS.text,
          });
        }
        this.y -= size * LINE_GAP;
      }
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
        wrapText(this.printable(cell, font, columns[i]?.title), (widths[i] ?? 0) - 2 * padding, (t) =>
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

  /** One line of printable text at the cursor (already wrapped); `breakable` lets it start a new page. */
  private drawLine(text: string, style: TextStyle, breakable = false): void {
    const font = style.bold === true ? this.fonts.bold : this.fonts.regular;
    const size = style.size ?? 10;
    if (breakable) this.ensureSpace(size * LINE_GAP);
    this.page.drawText(text, {
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
  const left = printableText(footerLeft, fonts.regular, 'page footer');
  pages.forEach((page, i) => {
    if (banner !== undefined) stampBanner(page, fonts, banner);
    const label = printableText(pageLabel(i + 1, pages.length), fonts.regular, 'page footer');
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
  const text = fitText(printableText(banner, fonts.bold, 'page banner'), room, (t) =>
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
