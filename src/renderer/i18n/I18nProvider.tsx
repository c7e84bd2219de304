import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { Locale } from '../../shared/i18n';

const LocaleContext = createContext<Locale>('en');

/**
 * Provides the screen's language to every component below it and keeps `<html lang>` in step, so
 * screen readers pronounce the text in the right language.
 */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
