import { create } from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;
type GlyphRun = ReturnType<FontkitFont['layout']>;

/**
 * The fontkit pdf-lib embeds fonts through, with one change: text is laid out one glyph per
 * character, straight from the font's character map, with no shaping. So the PDF holds exactly the
 * characters of the record (no ligature joins "fi", no contextual form replaces a letter), a line
 * is measured with the glyphs it is drawn with, and fontkit's shapers are never run: they are ~40
 * times slower and some (the universal shaping engine, for scripts such as Tifinagh) throw
 * `regeneratorRuntime is not defined` in @pdf-lib/fontkit 1.1. Scripts that need shaping or
 * right-to-left order are refused before drawing (printable-text.ts).
 *
 * Each document parses its own copy (~2 ms): fontkit caches glyph objects on the font with the
 * code points they were first asked for, and subsetting asks for the parts of composite glyphs
 * (the е inside ё) with none, so a font shared between documents printed the next one's е with
 * an empty text mapping: it showed, but could not be read back, searched or copied.
 */
export const plainFontkit: Fontkit = {
  create(bytes: Uint8Array): FontkitFont {
    return withPlainLayout(create(bytes));
  },
};

/**
 * `font` with a `layout` that maps characters to glyphs and nothing else. pdf-lib reads only the
 * run's `glyphs` (CustomFontEmbedder.encodeText and widthOfTextAtSize); a variation selector stays
 * with the character before it, as fontkit's own character map lookup does.
 */
function withPlainLayout(font: FontkitFont): FontkitFont {
  const view = Object.create(font) as FontkitFont;
  view.layout = (text: string): GlyphRun => ({ glyphs: font.glyphsForString(text) }) as GlyphRun;
  return view;
}
