import { formatterFor, messagesFor, type Catalog, type Formatter, type Messages } from '../../shared/i18n';
import { useLocale } from './I18nProvider';

/** The catalog's messages in the screen's language. */
export function useMessages<T extends Messages>(catalog: Catalog<T>): T {
  return messagesFor(catalog, useLocale());
}

/** Numbers, quantities, dates and times formatted for the screen's language. */
export function useFormat(): Formatter {
  return formatterFor(useLocale());
}
