import { defineMessages } from '../../../shared/i18n';
import type { DatePart, DateProblem } from './date-parts';

/** Words of the shared form pieces (the day/month/year date fields). */
export const formsMessages = defineMessages({
  en: {
    part: (part: DatePart): string => ({ day: 'Day', month: 'Month', year: 'Year' })[part],
    placeholder: (part: DatePart): string => ({ day: 'DD', month: 'MM', year: 'YYYY' })[part],
    dateProblem: (problem: DateProblem, bound: string): string =>
      ({
        incomplete: 'Enter the day, the month and the year (four digits).',
        impossible: 'This date does not exist.',
        'too-early': `The date cannot be before ${bound}.`,
        'too-late': `The date cannot be after ${bound}.`,
      })[problem],
  },
  fr: {
    part: (part) => ({ day: 'Jour', month: 'Mois', year: 'Année' })[part],
    placeholder: (part) => ({ day: 'JJ', month: 'MM', year: 'AAAA' })[part],
    dateProblem: (problem, bound) =>
      ({
        incomplete: 'Saisissez le jour, le mois et l’année (quatre chiffres).',
        impossible: 'Cette date n’existe pas.',
        'too-early': `La date ne peut pas être antérieure au ${bound}.`,
        'too-late': `La date ne peut pas être postérieure au ${bound}.`,
      })[problem],
  },
});
