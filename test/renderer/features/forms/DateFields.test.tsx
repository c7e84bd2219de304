import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { DateFields } from '../../../../src/renderer/features/forms/DateFields';
import {
  partOrder,
  readDate,
  stepPart,
  wholeDateOf,
} from '../../../../src/renderer/features/forms/date-parts';
import { I18nProvider } from '../../../../src/renderer/i18n/I18nProvider';

function Harness({ initial = '', onChange }: { initial?: string; onChange: (iso: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label id="birth-label" htmlFor="birth">
        Naissance
      </label>
      <DateFields
        id="birth"
        labelledBy="birth-label"
        value={value}
        max="2026-12-05"
        testId="birth"
        onChange={(iso) => {
          setValue(iso);
          onChange(iso);
        }}
      />
      <button type="button">after</button>
    </>
  );
}

function setup(locale: 'en' | 'fr' = 'fr', initial = '') {
  const onChange = jest.fn();
  render(
    <I18nProvider locale={locale}>
      <Harness initial={initial} onChange={onChange} />
    </I18nProvider>,
  );
  const part = (name: 'day' | 'month' | 'year') => screen.getByTestId<HTMLInputElement>(`birth-${name}`);
  return { onChange, part };
}

describe('date parts', () => {
  it('reads day, month, year: whole dates only, impossible days refused, bounds kept', () => {
    expect(readDate({ day: '', month: '', year: '' })).toEqual({ kind: 'empty' });
    expect(readDate({ day: '12', month: '5', year: '1985' })).toEqual({ kind: 'date', iso: '1985-05-12' });
    expect(readDate({ day: '12', month: '05', year: '85' })).toEqual({
      kind: 'problem',
      problem: 'incomplete',
    });
    expect(readDate({ day: '31', month: '02', year: '2024' })).toEqual({
      kind: 'problem',
      problem: 'impossible',
    });
    expect(readDate({ day: '29', month: '02', year: '2024' })).toMatchObject({ kind: 'date' });
    expect(readDate({ day: '29', month: '02', year: '2023' })).toMatchObject({ problem: 'impossible' });
    expect(readDate({ day: '00', month: '13', year: '2023' })).toMatchObject({ problem: 'impossible' });
    expect(readDate({ day: '06', month: '12', year: '2026' }, { max: '2026-12-05' })).toMatchObject({
      problem: 'too-late',
    });
    expect(readDate({ day: '31', month: '12', year: '1899' }, { min: '1900-01-01' })).toMatchObject({
      problem: 'too-early',
    });
  });

  it('orders the parts as each language writes them, reads pasted whole dates, steps parts', () => {
    expect(partOrder('fr')).toEqual(['day', 'month', 'year']);
    expect(partOrder('en')).toEqual(['day', 'month', 'year']);
    expect(wholeDateOf('1985-05-12', ['day', 'month', 'year'])).toEqual({
      day: '12',
      month: '05',
      year: '1985',
    });
    expect(wholeDateOf('12/05/1985', ['day', 'month', 'year'])).toEqual({
      day: '12',
      month: '05',
      year: '1985',
    });
    expect(wholeDateOf('12.5.1985', ['day', 'month', 'year'])).toEqual({
      day: '12',
      month: '5',
      year: '1985',
    });
    expect(wholeDateOf('12', ['day', 'month', 'year'])).toBeNull();
    expect(stepPart('month', '12', 1, 2026)).toBe('12');
    expect(stepPart('day', '', 1, 2026)).toBe('01');
    expect(stepPart('year', '', -1, 2026)).toBe('2025');
  });
});

describe('DateFields', () => {
  it('three labelled fields in the page language, the group named by the form label', () => {
    setup('fr');
    const group = screen.getByRole('group', { name: 'Naissance' });
    expect(group).toBeTruthy();
    expect(screen.getByLabelText(/Jour/)).toBe(screen.getByTestId('birth-day'));
    expect(screen.getByLabelText(/Mois/).id).toBe('birth-month');
    expect(screen.getByLabelText(/Année/).id).toBe('birth-year');
    // The form's own label names the first part too: a click on it starts the date.
    expect(screen.getAllByLabelText(/Naissance/).map((e) => e.id || e.getAttribute('role'))).toEqual([
      'group',
      'birth',
    ]);
    expect(screen.getByTestId('birth-year').getAttribute('placeholder')).toBe('AAAA');
    expect(document.querySelector('input[type="date"]')).toBeNull();
  });

  it('typing moves on by itself and sends the ISO date only when whole and valid', () => {
    const { onChange, part } = setup('fr');
    part('day').focus();
    fireEvent.change(part('day'), { target: { value: '12' } });
    expect(document.activeElement).toBe(part('month'));
    fireEvent.change(part('month'), { target: { value: '5' } }); // 5 can only be May: 05
    expect(part('month').value).toBe('05');
    expect(document.activeElement).toBe(part('year'));
    fireEvent.change(part('year'), { target: { value: '198' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(part('year'), { target: { value: '1985' } });
    expect(onChange).toHaveBeenLastCalledWith('1985-05-12');
    // Letters never enter a part.
    fireEvent.change(part('day'), { target: { value: '1a' } });
    expect(part('day').value).toBe('1');
    expect(onChange).toHaveBeenLastCalledWith('1985-05-01');
    fireEvent.change(part('day'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('keyboard: a separator moves on, Backspace in an empty part goes back, arrows step', () => {
    const { part } = setup('en');
    part('day').focus();
    fireEvent.change(part('day'), { target: { value: '3' } });
    fireEvent.keyDown(part('day'), { key: '/' });
    expect(document.activeElement).toBe(part('month'));
    fireEvent.keyDown(part('month'), { key: 'Backspace' });
    expect(document.activeElement).toBe(part('day'));
    fireEvent.keyDown(part('day'), { key: 'ArrowUp' });
    expect(part('day').value).toBe('04');
    fireEvent.keyDown(part('day'), { key: 'ArrowDown' });
    fireEvent.keyDown(part('day'), { key: 'ArrowDown' });
    expect(part('day').value).toBe('02');
  });

  it('a whole date typed or pasted into a part fills all three (scripts and tests fill #id)', () => {
    const { onChange, part } = setup('fr');
    fireEvent.change(part('day'), { target: { value: '1985-05-12' } });
    expect([part('day').value, part('month').value, part('year').value]).toEqual(['12', '05', '1985']);
    expect(onChange).toHaveBeenLastCalledWith('1985-05-12');
    fireEvent.change(part('month'), { target: { value: '14/07/1990' } });
    expect(onChange).toHaveBeenLastCalledWith('1990-07-14');
  });

  it('an impossible or future date is said in words when the focus leaves, linked to every part', () => {
    const { onChange, part } = setup('fr');
    fireEvent.change(part('day'), { target: { value: '31/02/2024' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.blur(part('year'), { relatedTarget: screen.getByText('after') });
    expect(screen.getByRole('alert').textContent).toBe('Cette date n’existe pas.');
    for (const name of ['day', 'month', 'year'] as const) {
      expect(part(name).getAttribute('aria-invalid')).toBe('true');
      expect(part(name).getAttribute('aria-describedby')).toBe('birth-date-problem');
    }
    fireEvent.change(part('day'), { target: { value: '06/12/2026' } });
    fireEvent.blur(part('year'), { relatedTarget: null });
    expect(screen.getByRole('alert').textContent).toBe(
      'La date ne peut pas être postérieure au 5 décembre 2026.',
    );
    fireEvent.change(part('day'), { target: { value: '05/12/2026' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith('2026-12-05');
  });

  it('moving between its own parts says nothing yet', () => {
    const { part } = setup('en');
    fireEvent.change(part('day'), { target: { value: '1' } });
    fireEvent.blur(part('day'), { relatedTarget: part('month') });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a value set from outside shows in the parts', () => {
    const { part } = setup('en', '2001-11-22');
    expect([part('day').value, part('month').value, part('year').value]).toEqual(['22', '11', '2001']);
  });
});
