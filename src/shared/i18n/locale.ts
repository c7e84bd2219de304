/**
 * The two languages the station speaks (issue 7). The setting is `system`, `en` or `fr`; `system`
 * follows the OS or browser language list and falls back to English.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export type LanguageSetting = Locale | 'system';

export function resolveLocale(setting: LanguageSetting, systemLanguages: readonly string[]): Locale {
  if (setting !== 'system') return setting;
  for (const tag of systemLanguages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'fr' || primary === 'en') return primary;
  }
  return 'en';
}

/** The BCP 47 tag each locale formats dates and numbers with. */
export const INTL_TAGS: Readonly<Record<Locale, string>> = { en: 'en-GB', fr: 'fr-FR' };
