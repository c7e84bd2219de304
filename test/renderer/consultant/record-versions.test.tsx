import { act, fireEvent, render, screen } from '@testing-library/react';
import { ConsultantRecord } from '../../../src/renderer/consultant/consultant-record';
import { RecordForms } from '../../../src/renderer/consultant/RecordForms';
import { I18nProvider } from '../../../src/renderer/i18n/I18nProvider';
import { FIXTURE_REPORT } from '../../helpers/consultation-fixture';
import { FakeControlLink } from '../features/call/fake-control-link';

function setup(locale: 'en' | 'fr' = 'en') {
  const control = new FakeControlLink();
  const record = new ConsultantRecord(control.asLink());
  render(
    <I18nProvider locale={locale}>
      <RecordForms record={record} enabled />
    </I18nProvider>,
  );
  return { control, record };
}

const field = (name: string): HTMLTextAreaElement | HTMLInputElement =>
  screen.getByTestId<HTMLTextAreaElement | HTMLInputElement>(`record-${name}`);
const status = (): HTMLElement => screen.getByTestId('record-status-report');

describe('the doctor’s report form and the station’s saved versions', () => {
  it('a join or rejoin starts from the saved version, never from a blank form', () => {
    const { control } = setup();
    act(() =>
      control.receive({
        type: 'record-state',
        status: 'active',
        report: { version: 2, value: FIXTURE_REPORT },
        careSheet: null,
      }),
    );
    expect(field('reason').value).toBe(FIXTURE_REPORT.reason);
    expect(field('prescriptions').value).toBe(FIXTURE_REPORT.prescriptions);
    expect(field('doctorName').value).toBe(FIXTURE_REPORT.author.name);
    expect(screen.getByTestId('record-loaded-version').textContent).toMatch(/Version 2 of the report/);
  });

  it('never overwrites what the doctor has typed', () => {
    const { control } = setup();
    fireEvent.change(field('conclusion'), { target: { value: 'Mon brouillon' } });
    act(() =>
      control.receive({
        type: 'record-state',
        status: 'active',
        report: { version: 1, value: FIXTURE_REPORT },
        careSheet: null,
      }),
    );
    expect(field('conclusion').value).toBe('Mon brouillon');
  });

  it('says saved only on the station’s answer, with its version; a refusal says why in the doctor’s language', () => {
    const { control } = setup('fr');
    act(() =>
      control.receive({
        type: 'record-state',
        status: 'ended',
        report: { version: 1, value: FIXTURE_REPORT },
        careSheet: null,
      }),
    );
    expect(screen.getByTestId('record-station-ended').textContent).toMatch(
      /La station a clos cette consultation/,
    );
    fireEvent.click(screen.getByTestId('record-send-report'));
    expect(status().dataset.state).toBe('sending');
    const first = control.sent.at(-1) as { id: string };
    act(() =>
      control.receive({ type: 'report-result', id: first.id, ok: true, version: 2, message: 'saved' }),
    );
    expect(status().textContent).toBe('Compte rendu — enregistré(e) sur la station, version 2');

    fireEvent.click(screen.getByTestId('record-send-report'));
    const second = control.sent.at(-1) as { id: string };
    act(() =>
      control.receive({
        type: 'report-result',
        id: second.id,
        ok: false,
        code: 'amend-window-closed',
        message: 'amend-window-closed: consultation 0123: …',
      }),
    );
    expect(status().dataset.state).toBe('failed');
    expect(status().getAttribute('role')).toBe('alert');
    expect(status().textContent).toBe(
      'Compte rendu — non enregistré(e) : le délai pour modifier le compte rendu après la fin de la consultation est dépassé.',
    );
  });

  it('a save still waiting when the call ends is never shown as saved', () => {
    const { control, record } = setup();
    act(() =>
      control.receive({
        type: 'record-state',
        status: 'active',
        report: { version: 1, value: FIXTURE_REPORT },
        careSheet: null,
      }),
    );
    fireEvent.click(screen.getByTestId('record-send-report'));
    expect(status().dataset.state).toBe('sending');
    act(() => record.dispose());
    expect(status().dataset.state).toBe('unconfirmed');
    expect(status().getAttribute('role')).toBe('alert');
    expect(status().textContent).toMatch(/not known to be saved/);
  });
});
