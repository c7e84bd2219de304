/**
 * Greedy line breaking for PDF text: paragraphs (split on `\n`) are filled word by word up to
 * `maxWidth`; a word wider than a whole line (a long URL, a string without spaces) is cut between
 * characters rather than overflowing the page. `widthOf` measures already-sanitized text.
 */
export function wrapText(text: string, maxWidth: number, widthOf: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/ +/u).filter((word) => word !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (widthOf(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      // The word starts a new line; if it alone does not fit, cut it into pieces that do.
      let rest = word;
      while (widthOf(rest) > maxWidth) {
        const cut = longestFittingPrefix(rest, maxWidth, widthOf);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function longestFittingPrefix(word: string, maxWidth: number, widthOf: (text: string) => number): number {
  // Binary search on UTF-16 length; at least one code point so the loop always progresses.
  let low = 1;
  let high = word.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (widthOf(word.slice(0, mid)) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  const first = word.codePointAt(0) ?? 0;
  const minimum = first > 0xffff ? 2 : 1;
  // Never split a surrogate pair.
  const code = word.charCodeAt(low - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? low + 1 : low;
  return Math.max(minimum, cut);
}

/** One line that must stay one line (a footer, a label): cut with an ellipsis when too wide. */
export function fitText(text: string, maxWidth: number, widthOf: (text: string) => number): string {
  if (widthOf(text) <= maxWidth) return text;
  let end = text.length;
  while (end > 0 && widthOf(`${text.slice(0, end)}…`) > maxWidth) end--;
  return `${text.slice(0, end)}…`;
}
