import { BackendCallError } from '../../../../src/renderer/backend-client/backend-client';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ConsultationStart } from '../../../../src/shared/domain/consultation';
import { StartConsultationForm } from '../../../../src/renderer/features/consultation/StartConsultationForm';
import { I18nProvider } from '../../../../src/renderer/i18n/I18nProvider';

function setup(locale: 'en' | 'fr' = 'en', onStart = jest.fn(async (_start: ConsultationStart) => {})) {
  render(
    <I18nProvider locale={locale}>
      <StartConsultationForm operatorName="Inf. Bernard" onStart={onStart} />
    </I18nProvider>,
  );
  return onStart;
}

const type = (label: RegExp, value: string): void => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
};

describe('start consultation form', () => {
  it('shows each problem beside its field, linked for screen readers, and focuses the first', () => {
    const onStart = setup();
    fireEvent.click(screen.getByTestId('consultation-start'));
    const family = screen.getByLabelText(/Birth family name/);
    expect(family.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(family.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Required.',
    );
    expect(document.activeElement).toBe(family);
    expect(screen.getByTestId('error-consentTeleconsultation').textContent).toMatch(/consent/);
    expect(onStart).not.toHaveBeenCalled();
  });

  it('refuses without consent, then starts with it; recorded-by defaults to the operator', async () => {
    const onStart = setup();
    type(/Birth family name/, 'Dupont');
    type(/Birth given names/, 'Marie Louise');
    type(/Date of birth/, '1985-05-12');
    fireEvent.change(screen.getByLabelText(/^Sex/), { target: { value: 'female' } });
    type(/^INS/, '2 85 05 78 006 084 42');
    fireEvent.click(screen.getByTestId('consultation-start'));
    expect(screen.getByTestId('error-ins').textContent).toMatch(/key does not match/);
    expect(screen.getByTestId('error-consentTeleconsultation')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/^INS/));

    type(/^INS/, '2 85 05 78 006 084 41');
    fireEvent.click(screen.getByTestId('consent-teleconsultation'));
    fireEvent.click(screen.getByTestId('consultation-start'));
    await waitFor(() => expect(onStart).toHaveBeenCalledTimes(1));
    expect(onStart.mock.calls[0]?.[0]).toEqual({
      patient: {
        familyName: 'Dupont',
        birthGivenNames: ['Marie', 'Louise'],
        birthDate: '1985-05-12',
        sex: 'female',
        identityStatus: 'provisional',
        ins: '285057800608441',
      },
      accompanying: null,
      consent: { teleconsultation: true, deviceData: false, recordedBy: 'Inf. Bernard' },
    });
  });

  it('shows the backend refusal and keeps what was typed', async () => {
    setup(
      'fr',
      jest.fn(async (_start: ConsultationStart) =>
        Promise.reject(
          new BackendCallError('forbidden', 'consultation-active: consultation 0f is active: end it first'),
        ),
      ),
    );
    type(/Nom de naissance/, 'Dupont');
    type(/Prénoms de naissance/, 'Marie');
    type(/Date de naissance/, '1985-05-12');
    fireEvent.change(screen.getByLabelText(/^Sexe/), { target: { value: 'female' } });
    fireEvent.click(screen.getByTestId('consent-teleconsultation'));
    fireEvent.click(screen.getByTestId('consultation-start'));
    expect((await screen.findByTestId('consultation-start-refused')).textContent).toBe(
      'La station a refusé : Une consultation est en cours : terminez-la d’abord.',
    );
    expect(screen.getByLabelText<HTMLInputElement>(/Nom de naissance/).value).toBe('Dupont');
  });

  it('never makes a qualified identity from a typed number: asks for the document, the INS source and the birth place', async () => {
    const onStart = setup();
    type(/Birth family name/, 'Dupont');
    type(/Birth given names/, 'Marie');
    type(/Date of birth/, '1985-05-12');
    fireEvent.change(screen.getByLabelText(/^Sex/), { target: { value: 'female' } });
    type(/^INS/, '2 85 05 78 006 084 41');
    fireEvent.click(screen.getByTestId('consent-teleconsultation'));
    expect(screen.queryByLabelText(/Identity document checked/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/Identity status/), { target: { value: 'qualified' } });
    fireEvent.click(screen.getByTestId('consultation-start'));
    expect(screen.getByTestId('error-identityDocument').textContent).toMatch(/which identity document/);
    expect(screen.getByTestId('error-insSource').textContent).toMatch(/where the INS came from/);
    expect(screen.getByTestId('error-birthPlace').textContent).toMatch(/place of birth/);
    expect(onStart).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText(/Identity document checked/), { target: { value: 'PA' } });
    fireEvent.change(screen.getByLabelText(/Where the INS came from/), { target: { value: 'CV' } });
    type(/Place of birth/, '78 006');
    fireEvent.click(screen.getByTestId('consultation-start'));
    await waitFor(() => expect(onStart).toHaveBeenCalledTimes(1));
    expect(onStart.mock.calls[0]?.[0].patient).toEqual({
      familyName: 'Dupont',
      birthGivenNames: ['Marie'],
      birthDate: '1985-05-12',
      sex: 'female',
      birthPlace: '78006',
      identityStatus: 'qualified',
      identityDocument: 'PA',
      insSource: 'CV',
      ins: '285057800608441',
    });
  });

  it('a recovered identity needs its INS; a validated one sends no INS source chosen before', async () => {
    const onStart = setup();
    type(/Birth family name/, 'Dupont');
    type(/Birth given names/, 'Marie');
    type(/Date of birth/, '1985-05-12');
    fireEvent.change(screen.getByLabelText(/^Sex/), { target: { value: 'female' } });
    fireEvent.click(screen.getByTestId('consent-teleconsultation'));
    fireEvent.change(screen.getByLabelText(/Identity status/), { target: { value: 'recovered' } });
    fireEvent.change(screen.getByLabelText(/Where the INS came from/), { target: { value: 'INSI' } });
    fireEvent.click(screen.getByTestId('consultation-start'));
    expect(screen.getByTestId('error-ins').textContent).toMatch(/has its INS/);

    fireEvent.change(screen.getByLabelText(/Identity status/), { target: { value: 'validated' } });
    fireEvent.change(screen.getByLabelText(/Identity document checked/), { target: { value: 'CN' } });
    fireEvent.click(screen.getByTestId('consultation-start'));
    await waitFor(() => expect(onStart).toHaveBeenCalledTimes(1));
    expect(onStart.mock.calls[0]?.[0].patient).toMatchObject({
      identityStatus: 'validated',
      identityDocument: 'CN',
    });
    expect(onStart.mock.calls[0]?.[0].patient).not.toHaveProperty('insSource');
  });
});
