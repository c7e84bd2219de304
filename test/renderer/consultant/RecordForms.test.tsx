import { act, fireEvent, render, screen } from '@testing-library/react';
import { ConsultantRecord } from '../../../src/renderer/consultant/consultant-record';
import { RecordForms } from '../../../src/renderer/consultant/RecordForms';
import { accompanyingActAllowed } from '../../../src/renderer/consultant/report-form';
import { I18nProvider } from '../../../src/renderer/i18n/I18nProvider';
import { ACTIVE_CONSULTATION, FakeControlLink } from '../features/call/fake-control-link';

function setup(locale: 'en' | 'fr' = 'en') {
  const control = new FakeControlLink();
  const record = new ConsultantRecord(control.asLink());
  render(
    <I18nProvider locale={locale}>
      <RecordForms record={record} enabled />
    </I18nProvider>,
  );
  const patientSays = (accompanying: typeof ACTIVE_CONSULTATION.accompanying, motive?: string): void =>
    act(() =>
      control.receive({
        type: 'patient',
        patient: {
          familyName: 'Dupont-Lefèvre',
          birthGivenNames: ['Jeanne'],
          birthDate: '1948-03-14',
          sex: 'female',
        },
        consent: ACTIVE_CONSULTATION.consent,
        accompanying,
        ...(motive === undefined ? {} : { motive }),
      }),
    );
  return { control, patientSays };
}

const actSelect = (): HTMLSelectElement => screen.getByTestId<HTMLSelectElement>('record-accompanyingAct');
const optionValues = (): string[] => [...actSelect().options].map((option) => option.value);

function fillDoctorAndSend(place = 'nursing-home'): void {
  fireEvent.change(screen.getByTestId('record-place'), { target: { value: place } });
  fireEvent.change(screen.getByTestId('record-doctorName'), { target: { value: 'Dr Claire Martin' } });
  fireEvent.change(screen.getByTestId('record-doctorRpps'), { target: { value: '10001234567' } });
  fireEvent.click(screen.getByTestId('record-send-care-sheet'));
}

describe('forms that help', () => {
  it('prefill the report’s reason with the nurse’s, until the doctor types', () => {
    const { patientSays } = setup();
    patientSays(ACTIVE_CONSULTATION.accompanying, 'Essoufflement depuis trois jours');
    const reason = screen.getByTestId<HTMLTextAreaElement>('record-reason');
    expect(reason.value).toBe('Essoufflement depuis trois jours');
    fireEvent.change(reason, { target: { value: 'Dyspnée' } });
    patientSays(ACTIVE_CONSULTATION.accompanying, 'Autre motif');
    expect(reason.value).toBe('Dyspnée');
  });

  it('explain the act and the accompanying act in one line each, and why the act was proposed (FR)', () => {
    const { patientSays } = setup('fr');
    patientSays(ACTIVE_CONSULTATION.accompanying);
    expect(screen.getByTestId('record-actCode-explain').textContent).toBe(
      'Une téléconsultation par un médecin généraliste.',
    );
    expect(screen.getByTestId('record-accompanyingAct-explain').textContent).toBe(
      'Facturé par l’infirmier qui assiste depuis un lieu dédié à la téléconsultation (cabine, centre de santé, EHPAD). ' +
        'Proposé car un infirmier ou une infirmière est auprès du patient, d’après la station.',
    );
  });
});

describe('care sheet: accompanying act', () => {
  it('offers a nurse TLS/TLL/TLD, each explained in one line, TLL by default', () => {
    const { control, patientSays } = setup();
    patientSays(ACTIVE_CONSULTATION.accompanying);
    expect(actSelect().disabled).toBe(false);
    expect(optionValues()).toEqual(['', 'TLS', 'TLL', 'TLD']);
    expect([...actSelect().options].map((o) => o.textContent)).toContain(
      'TLD — nurse beside the patient at home, outside planned care',
    );
    expect(actSelect().value).toBe('TLL');
    expect(screen.queryByTestId('record-no-accompanying')).toBeNull();
    fireEvent.change(actSelect(), { target: { value: 'TLS' } });
    fillDoctorAndSend();
    expect(control.sent).toMatchObject([
      { type: 'report', careSheet: { accompanyingAct: 'TLS', place: 'nursing-home', actCode: 'TCG' } },
    ]);
  });

  it('gives a pharmacist TLM in the pharmacy, and nothing else', () => {
    const { control, patientSays } = setup();
    patientSays({ name: 'Paul Martin', role: 'pharmacist' });
    expect(optionValues()).toEqual(['', 'TLM']);
    expect(actSelect().value).toBe('TLM');
    expect(screen.getByTestId<HTMLSelectElement>('record-place').value).toBe('pharmacy');
    fillDoctorAndSend('pharmacy');
    expect(control.sent).toMatchObject([
      { type: 'report', careSheet: { accompanyingAct: 'TLM', place: 'pharmacy' } },
    ]);
  });

  it('offers a midwife beside the patient no accompanying act', () => {
    const { patientSays } = setup();
    patientSays({ name: 'Anne Roux', role: 'midwife' });
    expect(optionValues()).toEqual(['']);
  });

  it('offers the doctor TCG and TC only, each explained, in French too', () => {
    setup('fr');
    const acts = screen.getByTestId<HTMLSelectElement>('record-actCode');
    expect([...acts.options].map((o) => o.value)).toEqual(['TCG', 'TC']);
    expect([...acts.options].map((o) => o.textContent)).toEqual([
      'TCG — téléconsultation du médecin généraliste',
      'TC — téléconsultation d’un médecin d’une autre spécialité',
    ]);
  });

  it('without a professional beside the patient: no accompanying act, locked to none, and says why', () => {
    const { control, patientSays } = setup();
    // Chosen before the station's word arrived: forced back to none once it does.
    fireEvent.change(actSelect(), { target: { value: 'TLS' } });
    patientSays(null);
    expect(actSelect().disabled).toBe(true);
    expect(actSelect().value).toBe('');
    expect(optionValues()).toEqual(['']);
    const hint = screen.getByTestId('record-no-accompanying');
    expect(hint.textContent).toMatch(/No health professional is with the patient/);
    expect(actSelect().getAttribute('aria-describedby')).toBe(hint.id);
    fillDoctorAndSend();
    expect(control.sent).toMatchObject([{ type: 'report', careSheet: { accompanyingAct: null } }]);
  });

  it('explains it in French too', () => {
    const { patientSays } = setup('fr');
    patientSays(null);
    expect(screen.getByTestId('record-no-accompanying').textContent).toMatch(
      /Aucun professionnel de santé n’accompagne le patient/,
    );
  });

  it('lets the doctor choose until the station has said who is there', () => {
    expect(accompanyingActAllowed(null)).toBe(true);
    expect(accompanyingActAllowed({ accompanying: ACTIVE_CONSULTATION.accompanying })).toBe(true);
    expect(accompanyingActAllowed({ accompanying: null })).toBe(false);
  });
});
