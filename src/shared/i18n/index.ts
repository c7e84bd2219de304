export { defineMessages, messagesFor, type Catalog, type Message, type Messages } from './messages';
export { formatterFor, displayUnit, type Formatter } from './format';
export { INTL_TAGS, LOCALES, resolveLocale, type LanguageSetting, type Locale } from './locale';
