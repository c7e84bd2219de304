import type { PDFFont } from 'pdf-lib';
import { AppErrorException } from '../../../shared/result';

/**
 * Scripts written right to left, and the invisible marks and overrides that set text direction.
 * pdf-lib draws glyphs left to right in stored order and the fonts are laid out without shaping
 * (plain-fontkit.ts), so a Hebrew or Arabic word would print reversed or with unjoined letters:
 * refused like a missing glyph rather than printed wrong.
 */
const RIGHT_TO_LEFT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;
/** Control characters (C0, DEL, C1) and lone surrogates have no printed form. */
const NOT_TEXT = /[\p{Cc}\p{Cs}]/u;
/** Variation selectors pick a glyph variant of the character before them; they draw nothing. */
const VARIATION_SELECTOR = /[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;
const TAB_AS_SPACES = '    ';

/**
 * Characters each font has a glyph for, by font name: every document embeds its own copy of the
 * same two files (plain-fontkit.ts), and reading a character map takes ~8 ms.
 */
const characterSets = new Map<string, ReadonlySet<number>>();

function characterSet(font: PDFFont): ReadonlySet<number> {
  let set = characterSets.get(font.name);
  if (set === undefined) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font.name, set);
  }
  return set;
}

/**
 * `text` as the PDF prints it, or an export that fails. A record is a legal document: each
 * character is drawn as written with the embedded font, or the export is refused (`bad-request`)
 * with the character's code point and `where` it is (section, field, page), so the text can be
 * corrected; nothing is ever replaced, transliterated or dropped. Only the layout of text is
 * settled here: Unicode canonical composition (NFC: "e" + combining acute is drawn as "é", the same
 * text), CR LF, CR and the Unicode line and paragraph separators as line breaks (`\n`, kept for the
 * layout), and a tab as four spaces.
 */
export function printableText(text: string, font: PDFFont, where: string): string {
  const normalized = text
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029/gu, '\n')
    .replace(/\t/gu, TAB_AS_SPACES);
  const drawable = characterSet(font);
  for (const char of normalized) {
    if (char === '\n' || VARIATION_SELECTOR.test(char)) continue;
    const problem = whyNotPrintable(char, drawable, font.name);
    if (problem !== null) {
      throw new AppErrorException(
        'bad-request',
        `PDF text: cannot print ${describe(char)} in ${where}: ${problem}`,
      );
    }
  }
  return normalized;
}

function whyNotPrintable(char: string, drawable: ReadonlySet<number>, fontName: string): string | null {
  if (NOT_TEXT.test(char)) return 'a control character or a broken surrogate has no printed form';
  if (RIGHT_TO_LEFT.test(char)) return 'right-to-left text cannot be laid out in the PDF yet';
  if (!drawable.has(char.codePointAt(0) ?? 0)) {
    return `the embedded font ${fontName} has no glyph for it, and the PDF never prints a substitute`;
  }
  return null;
}

/** `U+738B "王"`; the code point alone when the character itself would not show. */
function describe(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return NOT_TEXT.test(char) || /\p{Z}|\p{Cf}/u.test(char) ? hex : `${hex} "${char}"`;
}
