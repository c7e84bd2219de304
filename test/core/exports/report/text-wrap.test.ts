import { fitText, wrapText } from '../../../../src/core/exports/report/text-wrap';

/** One unit per character: widths are easy to reason about. */
const widthOf = (text: string): number => text.length;

describe('wrapText', () => {
  it('fills lines word by word and keeps paragraphs and blank lines', () => {
    expect(wrapText('the quick brown fox jumps\n\nover', 10, widthOf)).toEqual([
      'the quick',
      'brown fox',
      'jumps',
      '',
      'over',
    ]);
  });

  it('cuts a word longer than a line instead of overflowing', () => {
    expect(wrapText('ab abcdefghijklmnopqrstuvwxyz cd', 10, widthOf)).toEqual([
      'ab',
      'abcdefghij',
      'klmnopqrst',
      'uvwxyz cd',
    ]);
  });

  it('never loses text', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(50);
    const lines = wrapText(text, 37, widthOf);
    expect(lines.every((line) => line.length <= 37)).toBe(true);
    expect(lines.join(' ')).toBe(text.trim());
  });
});

describe('fitText', () => {
  it('cuts with an ellipsis only when too wide', () => {
    expect(fitText('short', 10, widthOf)).toBe('short');
    expect(fitText('much too long a line', 10, widthOf)).toBe('much too …');
  });
});
