import { create } from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { fontFiles } from '../../../../src/core/exports/report/font-files';
import { plainFontkit } from '../../../../src/core/exports/report/plain-fontkit';

const VARIATION_SELECTOR = /[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

describe.each(['regular', 'bold'] as const)('plainFontkit, DejaVu Sans %s', (face) => {
  const bytes = fontFiles()[face];
  const reference = create(bytes);
  const characters = reference.characterSet
    .filter((code) => !VARIATION_SELECTOR.test(String.fromCodePoint(code)))
    .map((code) => String.fromCodePoint(code));

  it('draws every character of the font with its own glyph, one for one, in stored order', () => {
    const font = plainFontkit.create(bytes);
    for (let i = 0; i < characters.length; i += 200) {
      const text = characters.slice(i, i + 200).join('');
      const drawn = font.layout(text).glyphs.map((glyph) => glyph.id);
      expect(drawn).toEqual([...text].map((char) => reference.glyphForCodePoint(char.codePointAt(0)!).id));
    }
  });

  it('gives each character a glyph no other character uses, so the text layer maps back exactly', () => {
    // The PDF maps glyphs back to text (ToUnicode): a glyph shared by µ and μ could only say one.
    const ids = characters.map((char) => reference.glyphForCodePoint(char.codePointAt(0)!).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lays out text fontkit 1.1 cannot shape (Tifinagh) without running a shaper, and keeps ligature letters apart', () => {
    const font = plainFontkit.create(bytes);
    expect(() => reference.layout('ⵜⴰⵎⴰⵣⵉⵖⵜ')).toThrow('regeneratorRuntime is not defined');
    expect(font.layout('ⵜⴰⵎⴰⵣⵉⵖⵜ').glyphs).toHaveLength(8);
    expect(font.layout('office').glyphs.map((glyph) => glyph.codePoints)).toEqual(
      [...'office'].map((char) => [char.codePointAt(0)]),
    );
  });

  it('measures a line with the glyphs it draws', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(plainFontkit);
    const font = await doc.embedFont(bytes, { subset: true });
    const line = 'Réévaluation à 48 h — SpO₂ ≥ 95 %, β-bloquant ↑, Иван, office';
    const advance = [...line].reduce(
      (sum, char) => sum + reference.glyphForCodePoint(char.codePointAt(0)!).advanceWidth,
      0,
    );
    expect(font.widthOfTextAtSize(line, 10)).toBeCloseTo((advance / reference.unitsPerEm) * 10, 9);
  });
});
