import type { PDFFont } from 'pdf-lib';

/**
 * pdf-lib's standard fonts (Helvetica) encode text in WinAnsi and throw on anything else. Record
 * text (patient names, the report) may hold any Unicode, and we embed no TrueType font (no fontkit
 * here), so every string goes through `toWinAnsi` first: characters the font has stay, a few common
 * ones get a readable stand-in (SpO₂ → SpO2, ł → l, narrow no-break space → no-break space), accented
 * letters outside WinAnsi lose their accent (ă → a), and anything left becomes `?`. Never throws.
 */
const STAND_INS: Readonly<Record<string, string>> = {
  '\u202f': '\u00a0', // narrow no-break space (French units) → no-break space
  '\u2009': ' ',
  '\u2007': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': '    ',
  '\u2212': '-', // minus sign
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2248': '~',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  ı: 'i',
  ĸ: 'k',
  ŀ: 'l',
  Ŀ: 'L',
  ŋ: 'n',
  Ŋ: 'N',
  ſ: 's',
  ŧ: 't',
  Ŧ: 'T',
  ß: 'ss',
  ẞ: 'SS',
  μ: 'µ', // Greek mu → micro sign, which WinAnsi has
  '\u2126': 'Ohm',
  '\u00ad': '', // soft hyphen: invisible
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\ufe0f': '',
};

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Characters each font can draw, cached: `getCharacterSet` builds a fresh array on each call. */
const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();

function characterSet(font: PDFFont): ReadonlySet<number> {
  let set = characterSets.get(font);
  if (set === undefined) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/** `text` with every character the font cannot draw replaced; line breaks are kept as `\n`. */
export function toWinAnsi(text: string, font: PDFFont): string {
  const drawable = characterSet(font);
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/gu, '\n')) {
    out += mapChar(char, drawable);
  }
  return out;
}

function mapChar(char: string, drawable: ReadonlySet<number>): string {
  if (char === '\n') return char;
  const code = char.codePointAt(0) ?? 0;
  const standIn = STAND_INS[char];
  if (standIn !== undefined) return standIn;
  if (drawable.has(code) && code >= 0x20) return char;
  const sub = SUBSCRIPT_DIGITS.indexOf(char);
  if (sub >= 0) return String(sub);
  const sup = SUPERSCRIPT_DIGITS.indexOf(char);
  if (sup >= 0) return String(sup);
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return ' '; // control characters
  // Decompose and keep the base letters the font has: ă → a, ǆ → dž → dz, ﬁ → fi.
  const decomposed = [...char.normalize('NFKD')].filter((c) => !/\p{M}/u.test(c));
  if (decomposed.length > 0 && decomposed.every((c) => drawable.has(c.codePointAt(0) ?? 0))) {
    return decomposed.join('');
  }
  return '?';
}
