import { formatterFor, type Formatter } from '../../../shared/i18n';
import { AppErrorException } from '../../../shared/result';

/**
 * The options every printed export takes, checked before any drawing: an unknown time zone would
 * otherwise surface as a bare `RangeError` from Intl, and an invalid date as "Invalid time value".
 */
export function checkedFormatter(options: {
  readonly language: 'en' | 'fr';
  readonly generatedAt: Date;
  readonly timeZone?: string;
}): Formatter {
  checkGeneratedAt(options.generatedAt);
  if (options.language !== 'en' && options.language !== 'fr') {
    throw new AppErrorException(
      'bad-request',
      `export language: ${String(options.language)} is not en or fr`,
    );
  }
  try {
    return formatterFor(options.language, options.timeZone);
  } catch {
    throw new AppErrorException(
      'bad-request',
      `export time zone: ${String(options.timeZone)} is not a known time zone`,
    );
  }
}

export function checkGeneratedAt(generatedAt: Date): void {
  if (!(generatedAt instanceof Date) || Number.isNaN(generatedAt.getTime())) {
    throw new AppErrorException('bad-request', 'export generatedAt: not a valid date');
  }
}
