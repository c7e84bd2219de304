import { useCallback } from 'react';
import { problemCodeOf, type ProblemCode } from '../../shared/domain/problem-codes';
import { messagesFor, type Locale } from '../../shared/i18n';
import { BackendCallError } from '../backend-client/backend-client';
import { useLocale } from './I18nProvider';
import { problemMessages } from './problem-messages';

/** The code a failure is worded by: the backend's finest code, or `unexpected` for anything else. */
export function problemOf(cause: unknown): ProblemCode | 'unexpected' {
  if (cause instanceof BackendCallError) return problemCodeOf(cause.code, cause.message);
  return 'unexpected';
}

/**
 * A failure in the screen's language. The backend's own text (English, for the log) never reaches
 * the screen: it goes to the console, where an installer finds it.
 */
export function problemText(cause: unknown, locale: Locale): string {
  const code = problemOf(cause);
  if (code === 'unexpected' || code === 'internal') console.warn('problem shown as words:', cause);
  return messagesFor(problemMessages, locale)[code];
}

/** `problemText` in the screen's language. */
export function useProblemText(): (cause: unknown) => string {
  const locale = useLocale();
  return useCallback((cause: unknown) => problemText(cause, locale), [locale]);
}
