import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { toWinAnsi } from '../../../../src/core/exports/report/winansi-text';

describe('toWinAnsi', () => {
  let font: PDFFont;
  beforeAll(async () => {
    font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  });

  it('keeps French as it is', () => {
    const french = 'Réévaluation à 48 h — «œuf» ÇÀ ÿ € ’ … °C ½ µ';
    expect(toWinAnsi(french, font)).toBe(french);
  });

  it('maps subscripts, Polish and typographic spaces to what Helvetica has', () => {
    expect(toWinAnsi('SpO₂ CO₂ m²', font)).toBe('SpO2 CO2 m²');
    expect(toWinAnsi('Łódź Wałęsa', font)).toBe('Lódz Walesa');
    expect(toWinAnsi('37,2\u202f°C', font)).toBe('37,2\u00a0°C');
    expect(toWinAnsi('x ≥ 3 − 1', font)).toBe('x >= 3 - 1');
    expect(toWinAnsi('ﬁn', font)).toBe('fin');
  });

  it('replaces what cannot be mapped with ? and control characters with spaces, never throwing', () => {
    expect(toWinAnsi('王 😀 👍🏽', font)).toBe('? ? ??');
    expect(toWinAnsi('a\u0000b\u0007c\u202e', font)).toBe('a b c?');
    expect(toWinAnsi('line 1\r\nline 2\rline 3', font)).toBe('line 1\nline 2\nline 3');
    expect(toWinAnsi('\uD800 lone surrogate', font)).toBe('? lone surrogate');
    // Whatever it returns, Helvetica can encode it.
    const all = Array.from({ length: 0x3000 }, (_, i) => String.fromCodePoint(i + 1)).join('');
    expect(() => font.encodeText(toWinAnsi(all, font).replace(/\n/gu, ''))).not.toThrow();
  });
});
