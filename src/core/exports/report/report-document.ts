import { PDFDocument, type PDFFont } from 'pdf-lib';
import { fontFiles } from './font-files';
import { plainFontkit } from './plain-fontkit';

/** Regular and bold, both DejaVu Sans (font-files.ts), embedded as subsets of the glyphs drawn. */
export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/**
 * A new PDF whose bytes depend only on what is drawn and on `generatedAt`: pdf-lib would otherwise
 * stamp the current time as creation and modification dates, and its own name as producer. Text is
 * drawn with embedded Unicode fonts, never the standard ones (WinAnsi only).
 */
export async function createReportDocument(options: {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly producer: string;
  readonly language: 'en' | 'fr';
  readonly generatedAt: Date;
}): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setSubject(options.subject);
  doc.setAuthor(options.author);
  doc.setCreator(options.producer);
  doc.setProducer(options.producer);
  doc.setLanguage(options.language === 'fr' ? 'fr-FR' : 'en-GB');
  doc.setCreationDate(options.generatedAt);
  doc.setModificationDate(options.generatedAt);
  doc.registerFontkit(plainFontkit);
  const files = fontFiles();
  // Subset names as PDF 32000 §9.6.4 spells them (a six-capital tag and `+`), so viewers and
  // preflight tools see a subset; pdf-lib's default would be `DejaVuSans-<number>`.
  const fonts = {
    regular: await doc.embedFont(files.regular, { subset: true, customName: 'TSREGU+DejaVuSans' }),
    bold: await doc.embedFont(files.bold, { subset: true, customName: 'TSBOLD+DejaVuSans-Bold' }),
  };
  return { doc, fonts };
}
