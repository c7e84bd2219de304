import type { Locale } from './locale';

/**
 * Message catalogs: each feature declares its strings once per language, side by side, and the
 * compiler checks that French has every key English has, with the same parameters. A message is a
 * string, or a function of its parameters for anything that varies (counts, names, values).
 *
 *   const messages = defineMessages({
 *     en: { title: 'Devices', connected: (n: number) => `${n} connected` },
 *     fr: { title: 'Appareils', connected: (n) => `${n} connecté${n > 1 ? 's' : ''}` },
 *   });
 *   messagesFor(messages, 'fr').connected(2) // "2 connectés"
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameters vary per message
export type Message = string | ((...args: any[]) => string);
export type Messages = Readonly<Record<string, Message>>;

export interface Catalog<T extends Messages> {
  readonly en: T;
  readonly fr: T;
}

export function defineMessages<T extends Messages>(catalog: {
  readonly en: T;
  readonly fr: NoInfer<T>;
}): Catalog<T> {
  return catalog;
}

export function messagesFor<T extends Messages>(catalog: Catalog<T>, locale: Locale): T {
  return catalog[locale];
}
