import { create } from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { AppErrorException } from '../../../shared/result';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;
type GlyphRun = ReturnType<FontkitFont['layout']>;

/** Parsed fonts by file: its tables are read once per process (~25 ms a document otherwise). */
const parsed = new WeakMap<Uint8Array, FontkitFont>();

/**
 * The fontkit pdf-lib embeds fonts through, with one change: text is laid out one glyph per
 * character, straight from the font's character map, with no shaping. So the PDF holds exactly the
 * characters of the record (no ligature joins "fi", no contextual form replaces a letter), a line
 * is measured with the glyphs it is drawn with, and fontkit's shapers are never run: they are ~40
 * times slower and some (the universal shaping engine, for scripts such as Tifinagh) throw
 * `regeneratorRuntime is not defined` in @pdf-lib/fontkit 1.1. Scripts that need shaping or
 * right-to-left order are refused before drawing (printable-text.ts).
 */
export const plainFontkit: Fontkit = {
  create(bytes: Uint8Array): FontkitFont {
    let font = parsed.get(bytes);
    if (font === undefined) {
      font = create(bytes);
      if (!('_glyphs' in font)) {
        throw new AppErrorException('internal', 'PDF fonts: this fontkit keeps no glyph cache to separate');
      }
      parsed.set(bytes, font);
    }
    return documentView(font);
  },
};

/**
 * A view of the parsed `font` for one document: its tables are shared, its glyph objects are not.
 * fontkit caches each glyph object with the code points it was first asked for, and subsetting
 * asks for the parts of composite glyphs (the е inside ё) with none; a glyph cache shared between
 * documents printed the next document's е with an empty text mapping (it showed, but could not be
 * read back, searched or copied). pdf-lib reads only the run's `glyphs` from `layout`
 * (CustomFontEmbedder.encodeText and widthOfTextAtSize); a variation selector stays with the
 * character before it, as fontkit's character map lookup does.
 */
function documentView(font: FontkitFont): FontkitFont {
  const view = Object.create(font) as FontkitFont & { _glyphs: object };
  view._glyphs = {};
  view.layout = (text: string): GlyphRun => ({ glyphs: view.glyphsForString(text) }) as GlyphRun;
  return view;
}
