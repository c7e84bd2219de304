import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Fonts } from './flow-layout';

/**
 * A new PDF whose bytes depend only on what is drawn and on `generatedAt`: pdf-lib would otherwise
 * stamp the current time as creation and modification dates, and its own name as producer.
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
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  return { doc, fonts };
}
