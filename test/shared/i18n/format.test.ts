import { defineMessages, formatterFor, messagesFor, resolveLocale } from '../../../src/shared/i18n';

const plain = (text: string) => text.replaceAll('\u202f', ' ');

describe('formatterFor', () => {
  const en = formatterFor('en', 'UTC');
  const fr = formatterFor('fr', 'UTC');

  it('writes quantities as each language does', () => {
    expect(plain(fr.quantity(37.2, 'Cel'))).toBe('37,2 °C');
    expect(plain(fr.quantity(97, '%'))).toBe('97 %');
    expect(en.quantity(97, '%')).toBe('97%');
    expect(en.quantity(37.2, 'Cel')).toBe('37.2 °C');
    expect(en.quantity(72, '/min')).toBe('72 bpm');
    expect(fr.number(null)).toBe('--');
    expect(fr.number(1234.5)).toBe('1234,5'); // no grouping: a vital sign is read digit by digit
  });

  it('writes each metric at its display precision, with the unit a clinician expects', () => {
    expect(plain(fr.measurement('MDC_PULS_OXIM_PERF_REL', 0.04, '%'))).toBe('0,04 %');
    expect(en.measurement('MDC_PULS_OXIM_PERF_REL', 3.6, '%')).toBe('3.60%');
    expect(plain(fr.measurement('MDC_TEMP_BODY', 37, 'Cel'))).toBe('37,0 °C');
    expect(en.measurement('MDC_PULS_OXIM_SAT_O2', 97, '%')).toBe('97%');
    // Breaths are not beats: a respiratory rate keeps "/min", a pulse reads "bpm".
    expect(en.measurement('MDC_RESP_RATE', 14, '/min')).toBe('14 /min');
    expect(en.measurement('MDC_PULS_OXIM_PULS_RATE', 72, '/min')).toBe('72 bpm');
    expect(en.metricNumber('MDC_PULS_OXIM_PERF_REL', 0.04)).toBe('0.04');
    expect(en.metricNumber('MDC_PULS_OXIM_PERF_REL', null)).toBe('--');
    // An unknown metric falls back to the plain number rule.
    expect(en.measurement('MDC_UNKNOWN', 1.25, 'mV')).toBe('1.3 mV');
  });

  it('says how long ago: bare in English (under a label), "il y a" in French', () => {
    expect(en.age(400)).toBe('now');
    expect(fr.age(400)).toBe('à l’instant');
    expect(en.age(4_200)).toBe('4 s');
    expect(fr.age(4_200)).toBe('il y a 4 s');
    expect(en.age(180_000)).toBe('3 min');
    expect(fr.age(3 * 3_600_000)).toBe('il y a 3 h');
  });

  it('formats dates and times in the station’s language', () => {
    const time = Date.parse('2026-11-25T14:32:05.000Z');
    expect(fr.time(time)).toBe('14:32:05');
    expect(fr.dateTime(time)).toMatch(/^25 nov\. 2026,? (à )?14:32$/);
    expect(en.dateTime(time)).toMatch(/^25 Nov 2026,? 14:32$/);
    expect(fr.duration(725)).toBe('12 min 05 s');
  });
});

describe('languages', () => {
  it('follows the system unless the setting names a language', () => {
    expect(resolveLocale('system', ['fr-FR', 'en'])).toBe('fr');
    expect(resolveLocale('system', ['de-DE', 'en-GB'])).toBe('en');
    expect(resolveLocale('system', ['de'])).toBe('en');
    expect(resolveLocale('en', ['fr-FR'])).toBe('en');
  });

  it('catalogs give each language its words', () => {
    const catalog = defineMessages({
      en: { found: (n: number) => `${n} found` },
      fr: { found: (n) => `${n} trouvé${n > 1 ? 's' : ''}` },
    });
    expect(messagesFor(catalog, 'fr').found(2)).toBe('2 trouvés');
  });
});
