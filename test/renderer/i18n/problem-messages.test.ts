import { PROBLEM_CODES, problemCodeOf } from '../../../src/shared/domain/problem-codes';
import { RECORDS_ERROR_CODES } from '../../../src/core/records/records-error';
import { BackendCallError } from '../../../src/renderer/backend-client/backend-client';
import { problemMessages } from '../../../src/renderer/i18n/problem-messages';
import { problemOf, problemText } from '../../../src/renderer/i18n/problem-text';

/** Every code the backend leads an error with has words in both languages; no raw text reaches a screen. */
describe('problem codes: words in French and English', () => {
  const codes = [...PROBLEM_CODES, 'unexpected'] as const;

  it.each(codes)(
    '%s has English and French words, different, the French with typographic apostrophes',
    (code) => {
      const en = problemMessages.en[code];
      const fr = problemMessages.fr[code];
      expect(en.length).toBeGreaterThan(5);
      expect(fr.length).toBeGreaterThan(5);
      expect(fr).not.toBe(en);
      expect(fr).not.toContain("'");
      expect(fr).not.toMatch(/[a-z]+(-[a-z]+)+:/); // no code left in the words
      expect(en).not.toContain(code.includes('-') ? code : '\0');
    },
  );

  it('covers every records code', () => {
    for (const code of RECORDS_ERROR_CODES) expect(PROBLEM_CODES).toContain(code);
  });

  it.each([
    [
      'unavailable',
      'consultation.start: database-missing: /d/records.db is missing but its key exists',
      'database-missing',
    ],
    ['unavailable', 'records: disk-full: /d/records.db: the disk is full (SQLITE_FULL)', 'disk-full'],
    [
      'unavailable',
      'consultation.list: records-not-set-up: consultation records are not set up on this host',
      'records-not-set-up',
    ],
    ['forbidden', 'record-sealed: consultation 0f: the consultation is ended', 'record-sealed'],
    ['forbidden', 'limit-reached: consultation 0f: limited (notes 100)', 'limit-reached'],
    ['unavailable', 'attempt-not-recorded', 'attempt-not-recorded'],
    ['forbidden', 'wrong-pin: wrong PIN: try again in 4 s', 'wrong-pin'],
    ['timeout', 'consultation.get: no reply within 10000 ms', 'timeout'],
    ['internal', 'settings: something: odd', 'internal'],
  ] as const)('%s "%s" is worded by %s', (code, message, expected) => {
    expect(problemCodeOf(code, message)).toBe(expected);
  });

  it('a failure that is not the backend is worded as unexpected, never its text', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(problemOf(new TypeError('x is undefined'))).toBe('unexpected');
    expect(problemText(new TypeError('x is undefined'), 'fr')).toBe(problemMessages.fr.unexpected);
    expect(
      problemText(
        new BackendCallError('unavailable', 'consultation.start: database-missing: /d/records.db'),
        'fr',
      ),
    ).toBe(problemMessages.fr['database-missing']);
    warn.mockRestore();
  });
});
