export { defineMessages, messagesFor, type Catalog, type Message, type Messages } from './messages';
export { formatterFor, displayUnit, displayUnitOf, precisionOf, type Formatter } from './format';
export { INTL_TAGS, LOCALES, resolveLocale, type LanguageSetting, type Locale } from './locale';
