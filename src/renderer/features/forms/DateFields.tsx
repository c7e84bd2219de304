import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { INTL_TAGS } from '../../../shared/i18n';
import { useLocale } from '../../i18n/I18nProvider';
import { useMessages } from '../../i18n/use-messages';
import {
  cleanPart,
  EMPTY_DATE_PARTS,
  PART_LENGTH,
  partOrder,
  partsOfIso,
  readDate,
  stepPart,
  wholeDateOf,
  type DatePart,
  type DatePartsValue,
  type DateProblem,
} from './date-parts';
import { formsMessages } from './forms-messages';

export interface DateFieldsProps {
  /**
   * The first part's id: a `<label htmlFor={id}>` beside the component names the date (and is
   * read with each part's own label), and focusing `#id` starts the date. The other parts are
   * `${id}-month`, `${id}-year` (or whichever parts follow in the page's order).
   */
  readonly id: string;
  /** `YYYY-MM-DD`, or '' for no date. */
  readonly value: string;
  /** The date as `YYYY-MM-DD` once it is whole and valid, '' while empty, incomplete or wrong. */
  readonly onChange: (iso: string) => void;
  readonly min?: string;
  readonly max?: string;
  /** The form found this date wrong (required, …): every part is marked invalid. */
  readonly invalid?: boolean;
  /** The form's own error or hint, read with every part. */
  readonly describedBy?: string;
  /** The element naming the date as a whole, for the group. */
  readonly labelledBy?: string;
  /** `bday`: the browser may offer the stored birth date (bday-day, bday-month, bday-year). */
  readonly autoComplete?: 'bday';
  readonly required?: boolean;
  readonly testId?: string;
  /** Why the typed parts are not a date (null when they are one, or nothing is typed). */
  readonly onProblem?: (problem: DateProblem | null) => void;
}

/**
 * A date as three short fields (day, month, year) in the page's language and order, instead of the
 * browser's native date input, which follows the browser's locale (mm/dd/yyyy on a French page)
 * and cannot be worded. Each part has its own visible label; digits only; a part that is full
 * moves on to the next, `/`, `.`, `-` or space too, Backspace in an empty part goes back, the arrow
 * keys step a part. A whole date typed or pasted into any part (`12/05/1985`, `1985-05-12`) fills
 * all three. An impossible date (31/02), or one outside min/max, is said in words when the focus
 * leaves the date, and is never sent.
 */
export function DateFields(props: DateFieldsProps) {
  const { id, value, onChange, min, max } = props;
  const locale = useLocale();
  const m = useMessages(formsMessages);
  const order = useMemo(() => partOrder(locale), [locale]);
  const [parts, setParts] = useState<DatePartsValue>(() => partsOfIso(value));
  const [shown, setShown] = useState<DateProblem | null>(null);
  const emitted = useRef(value);
  const inputs = useRef<Partial<Record<DatePart, HTMLInputElement | null>>>({});
  const group = useRef<HTMLDivElement | null>(null);
  const partId = (part: DatePart): string => (part === order[0] ? id : `${id}-${part}`);
  const problemId = `${id}-date-problem`;
  const reading = readDate(parts, {
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  });
  const problem = reading.kind === 'problem' ? reading.problem : null;

  // A value set from outside (a saved version loaded, a form reset) replaces what is typed.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setParts(value === '' ? EMPTY_DATE_PARTS : partsOfIso(value));
    setShown(null);
  }, [value]);

  const { onProblem } = props;
  useEffect(() => onProblem?.(problem), [onProblem, problem]);

  const update = (next: DatePartsValue): void => {
    setParts(next);
    const read = readDate(next, {
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
    });
    const iso = read.kind === 'date' ? read.iso : '';
    if (read.kind !== 'problem') setShown(null);
    if (iso !== emitted.current) {
      emitted.current = iso;
      onChange(iso);
    }
  };
  const focusPart = (index: number): void => {
    const part = order[index];
    if (part !== undefined) inputs.current[part]?.focus();
  };

  const typed = (part: DatePart, index: number, text: string): void => {
    const whole = wholeDateOf(text, order);
    if (whole !== null) {
      update(whole);
      focusPart(order.length - 1);
      return;
    }
    let clean = cleanPart(part, text);
    // A first digit that cannot start a two-digit day or month is the whole part: 5 is 05.
    const soloLimit = part === 'day' ? 3 : part === 'month' ? 1 : 9;
    const solo = part !== 'year' && clean.length === 1 && Number(clean) > soloLimit;
    if (solo) clean = clean.padStart(2, '0');
    update({ ...parts, [part]: clean });
    const grew = clean.length > parts[part].length;
    if (grew && clean.length === PART_LENGTH[part]) focusPart(index + 1);
  };

  const keyDown = (part: DatePart, index: number, event: KeyboardEvent<HTMLInputElement>): void => {
    const input = event.currentTarget;
    if (event.key === 'Backspace' && input.value === '' && index > 0) {
      event.preventDefault();
      focusPart(index - 1);
    } else if (['/', '.', '-', ' '].includes(event.key)) {
      event.preventDefault();
      if (input.value !== '') focusPart(index + 1);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const thisYear = new Date().getFullYear();
      update({ ...parts, [part]: stepPart(part, parts[part], event.key === 'ArrowUp' ? 1 : -1, thisYear) });
    }
  };

  // The problem is said when the focus leaves the date, not at every keystroke.
  const left = (related: EventTarget | null): void => {
    if (related instanceof Node && group.current?.contains(related) === true) return;
    setShown(problem);
  };

  const boundText = (iso: string | undefined): string =>
    iso === undefined
      ? ''
      : new Intl.DateTimeFormat(INTL_TAGS[locale], {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${iso}T00:00:00Z`));
  const bound = shown === 'too-early' ? boundText(min) : shown === 'too-late' ? boundText(max) : '';
  const describedBy = [props.describedBy, shown === null ? undefined : problemId].filter(Boolean).join(' ');

  return (
    <div
      ref={group}
      className="date-fields"
      role="group"
      aria-labelledby={props.labelledBy}
      data-testid={props.testId}
      onBlur={(event) => left(event.relatedTarget)}
    >
      {order.map((part, index) => (
        <span className={`date-fields__part date-fields__part--${part}`} key={part}>
          <label className="date-fields__label" htmlFor={partId(part)}>
            {m.part(part)}
          </label>
          <input
            ref={(element) => {
              inputs.current[part] = element;
            }}
            id={partId(part)}
            className="date-fields__input"
            type="text"
            inputMode="numeric"
            pattern={part === 'year' ? '[0-9]{4}' : '[0-9]{1,2}'}
            size={PART_LENGTH[part]}
            placeholder={m.placeholder(part)}
            autoComplete={props.autoComplete === undefined ? 'off' : `${props.autoComplete}-${part}`}
            required={props.required}
            value={parts[part]}
            aria-invalid={props.invalid === true || shown !== null}
            aria-describedby={describedBy === '' ? undefined : describedBy}
            data-testid={props.testId === undefined ? undefined : `${props.testId}-${part}`}
            onChange={(event) => typed(part, index, event.target.value)}
            onKeyDown={(event) => keyDown(part, index, event)}
          />
        </span>
      ))}
      {shown !== null && (
        <span className="date-fields__problem" id={problemId} role="alert">
          {m.dateProblem(shown, bound)}
        </span>
      )}
    </div>
  );
}
