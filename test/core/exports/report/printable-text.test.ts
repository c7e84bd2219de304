import { PDFDocument, type PDFFont } from 'pdf-lib';
import { fontFiles } from '../../../../src/core/exports/report/font-files';
import { plainFontkit } from '../../../../src/core/exports/report/plain-fontkit';
import { printableText } from '../../../../src/core/exports/report/printable-text';
import { CHARACTER_CLASSES, UNCOVERED } from './unicode-samples';

describe('printableText', () => {
  let regular: PDFFont;
  let bold: PDFFont;
  beforeAll(async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(plainFontkit);
    regular = await doc.embedFont(fontFiles().regular, { subset: true });
    bold = await doc.embedFont(fontFiles().bold, { subset: true });
  });
  const refusal = (text: string, font = regular): string => {
    try {
      printableText(text, font, 'Report › Conclusion, page 2');
    } catch (error) {
      expect(error).toMatchObject({ name: 'AppErrorException', code: 'bad-request' });
      return (error as Error).message;
    }
    throw new Error(`${JSON.stringify(text)} was printable`);
  };

  it('returns every character class unchanged, in both faces', () => {
    for (const text of Object.values(CHARACTER_CLASSES)) {
      expect(printableText(text, regular, 'here')).toBe(text);
      expect(printableText(text, bold, 'here')).toBe(text);
    }
  });

  it('settles only the layout of text: composition, line breaks, tabs', () => {
    expect(printableText('Re\u0301e\u0301valuation', regular, 'here')).toBe('Réévaluation');
    expect(printableText('a\r\nb\rc\u2028d\u2029e\nf', regular, 'here')).toBe('a\nb\nc\nd\ne\nf');
    expect(printableText('dose\t1 g', regular, 'here')).toBe('dose    1 g');
    // French typography: narrow no-break spaces stay what they are.
    expect(printableText('37,2\u202f°C', regular, 'here')).toBe('37,2\u202f°C');
    // A variation selector asks for a glyph variant; it is kept and drawn with its character.
    expect(printableText('✔\ufe0f', regular, 'here')).toBe('✔\ufe0f');
  });

  it('names a character the font lacks, its code point, where it is and the font', () => {
    expect(refusal(`Wang ${UNCOVERED.ideograph}`)).toBe(
      'PDF text: cannot print U+738B "王" in Report › Conclusion, page 2: the embedded font DejaVuSans has ' +
        'no glyph for it, and the PDF never prints a substitute',
    );
    expect(refusal(`SAMU ${UNCOVERED.ambulance}`, bold)).toContain('U+1F691 "🚑"');
    expect(refusal(`SAMU ${UNCOVERED.ambulance}`, bold)).toContain('the embedded font DejaVuSans-Bold');
  });

  it('refuses right-to-left text and direction overrides rather than printing them in the wrong order', () => {
    expect(refusal('שלום')).toContain('U+05E9 "ש" in Report › Conclusion, page 2: right-to-left text');
    expect(refusal('مرحبا')).toContain('U+0645 "م"');
    expect(refusal('abc\u202edef')).toContain('U+202E in Report › Conclusion, page 2: right-to-left text');
  });

  it('refuses control characters and broken surrogates, naming only their code point', () => {
    expect(refusal('a\u0007b')).toContain('U+0007 in Report › Conclusion, page 2: a control character');
    expect(refusal('a\u0000b')).toContain('U+0000 in');
    expect(refusal('a\u0085b')).toContain('U+0085 in');
    expect(refusal('\ud800 lone')).toContain('U+D800 in');
  });
});
