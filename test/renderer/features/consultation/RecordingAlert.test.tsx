import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ConsultationSummary, RecordingHealth } from '../../../../src/shared/domain/consultation';
import { consultationSummarySchema } from '../../../../src/shared/domain/consultation';
import { ConsultationBanner } from '../../../../src/renderer/features/consultation/ConsultationBanner';
import { I18nProvider } from '../../../../src/renderer/i18n/I18nProvider';

const OK: RecordingHealth = {
  state: 'ok',
  code: null,
  since: null,
  message: '',
  bufferedReadings: 0,
  droppedReadings: 0,
};

const failing = (droppedReadings = 0): RecordingHealth => ({
  state: 'failing',
  code: 'disk-full',
  since: new Date(Date.now() - 12_000).toISOString(),
  message: 'Disk full: 1240 readings kept in memory (12 s) and saved when space is freed',
  bufferedReadings: 1240,
  droppedReadings,
});

/** An active consultation as `consultation.changed` gives it (checked against the contract). */
const summary = (recording: RecordingHealth): ConsultationSummary =>
  consultationSummarySchema.parse({
    id: 'a'.repeat(32),
    status: 'active',
    patient: {
      familyName: 'Dupont',
      birthGivenNames: ['Marie'],
      birthDate: '1985-05-12',
      sex: 'female',
      identityStatus: 'provisional',
    },
    accompanying: null,
    consent: {
      teleconsultation: true,
      deviceData: true,
      recordedBy: 'Léa Garnier',
      recordedAt: new Date(Date.now() - 60_000).toISOString(),
    },
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    endedAt: null,
    hasReport: false,
    hasCareSheet: false,
    counts: { numerics: 10, waveformSamples: 300, media: 0, events: 2 },
    recording,
  });

function banner(locale: 'en' | 'fr') {
  const view = (recording: RecordingHealth): ReactElement => (
    <I18nProvider locale={locale}>
      <ConsultationBanner consultation={summary(recording)} />
    </I18nProvider>
  );
  const { rerender } = render(view(OK));
  return (recording: RecordingHealth) => rerender(view(recording));
}

const status = (): string => screen.getByTestId('recording-resumed').textContent ?? '';

describe('recording alert on the consultation banner', () => {
  it('English: an alert while the disk is full, with counts and the fix; "nothing lost" once back', () => {
    const show = banner('en');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(status()).toBe('');

    show(failing());
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/Readings are NOT being saved: the station’s disk is full\./);
    expect(alert.textContent).toMatch(/1240 readings are kept in memory \(for 12 s\)/);
    expect(alert.textContent).toMatch(/Free disk space on the station/);
    expect(alert.querySelector('svg[aria-hidden="true"]')).not.toBeNull(); // an icon, not colour alone
    expect(screen.queryByTestId('recording-dropped')).toBeNull();

    show(OK);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(status()).toBe('Recording resumed: nothing was lost.');
  });

  it('French: the alert says what was lost, and the status after recovery too', () => {
    const show = banner('fr');
    show(failing(310));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(
      /Les mesures ne sont PAS enregistrées : le disque de la station est plein\./,
    );
    expect(alert.textContent).toMatch(/mesures sont gardées en mémoire/);
    expect(screen.getByTestId('recording-dropped').textContent).toBe('310 mesures ont été perdues. ');
    expect(alert.textContent).toMatch(/Libérez de l’espace disque sur la station/);

    show({ ...OK, droppedReadings: 310 });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(status()).toBe('Enregistrement repris : 310 mesures ont été perdues.');
  });
});
