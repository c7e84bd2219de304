import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { BackendCallError } from '../../../../src/renderer/backend-client/backend-client';
import { PendingMeasurements } from '../../../../src/renderer/features/consultation/PendingMeasurements';
import { BpResultTile } from '../../../../src/renderer/features/vitals/BpResultTile';
import { I18nProvider } from '../../../../src/renderer/i18n/I18nProvider';
import {
  consultationSummarySchema,
  type ConsultationSummary,
} from '../../../../src/shared/domain/consultation';
import type { DeviceInfo } from '../../../../src/shared/domain/devices';
import { ACTIVE_CONSULTATION, FakeClient } from '../call/fake-control-link';

/** The live screen's list of measurements from before the consultation (issue 11 item 3). */

const CUFF: DeviceInfo = {
  id: 'beurer-bm58@/dev/pts/7',
  protocol: 'beurer-bm58',
  name: 'Beurer BM58',
  transport: 'serial',
  path: '/dev/pts/7',
  state: 'streaming',
  error: null,
  simulated: true,
  lastReadingAt: null,
  droppedFrames: 0,
};
const MEASURED_AT = '2026-11-22T08:39:00.000Z';
const PENDING_ID = 'abcdef0123456789abcdef01';

const withPending: ConsultationSummary = consultationSummarySchema.parse({
  ...ACTIVE_CONSULTATION,
  pending: [
    {
      id: PENDING_ID,
      device: CUFF.id,
      measuredAt: MEASURED_AT,
      receivedAt: '2026-11-25T09:00:20.000Z',
      values: [
        { metric: 'MDC_PRESS_BLD_NONINV_SYS', unit: 'mm[Hg]', value: 131 },
        { metric: 'MDC_PRESS_BLD_NONINV_DIA', unit: 'mm[Hg]', value: 85 },
        { metric: 'MDC_PULS_RATE_NON_INV', unit: '/min', value: 68 },
      ],
    },
  ],
});

function show(locale: 'en' | 'fr', consultation: ConsultationSummary | null = withPending) {
  const backend = new FakeClient();
  render(
    <I18nProvider locale={locale}>
      <PendingMeasurements consultation={consultation} client={backend.client} devices={[CUFF]} />
    </I18nProvider>,
  );
  return backend;
}

describe('measurements from before the consultation, on the live screen', () => {
  it('English: apart from the live values, with its date and time, device, values and SIMULATED', () => {
    show('en');
    const region = screen.getByRole('region', { name: 'Measurements from before this consultation' });
    const item = within(region).getByTestId(`pending-${PENDING_ID}`);
    expect(within(item).getByTestId('pending-when').textContent).toMatch(
      /^measured before this consultation, 22 Nov 2026, \d\d:39$/,
    );
    expect(within(item).getByTestId('pending-values').textContent).toBe(
      'Systolic 131 mmHg, Diastolic 85 mmHg, Pulse 68 bpm',
    );
    expect(within(item).getByText('Beurer BM58 blood pressure monitor')).toBeTruthy();
    expect(within(item).getByTestId(`pending-simulated-${PENDING_ID}`).textContent).toBe('SIMULATED');
    expect(
      within(item).getByRole('button', {
        name: /^Confirm for this patient: Beurer BM58 blood pressure monitor/,
      }),
    ).toBeTruthy();
  });

  it('French: the same, in French words and French dates', () => {
    show('fr');
    const region = screen.getByRole('region', { name: 'Mesures antérieures à cette consultation' });
    expect(within(region).getByTestId('pending-when').textContent).toMatch(
      /^mesurée avant cette consultation, 22 nov\. 2026, \d\d:39$/,
    );
    expect(within(region).getByTestId('pending-values').textContent).toMatch(/^Systolique 131\u202fmmHg/);
    expect(within(region).getByTestId('pending-confirm').textContent).toBe('Confirmer pour ce patient');
    expect(within(region).getByTestId('pending-dismiss').textContent).toBe('Écarter');
  });

  it('confirm and dismiss ask the backend with the consultation and the measurement', async () => {
    const backend = show('en');
    await act(async () => {
      fireEvent.click(screen.getByTestId('pending-confirm'));
      await Promise.resolve();
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('pending-dismiss'));
      await Promise.resolve();
    });
    expect(backend.calls).toEqual([
      {
        method: 'consultation.confirmMeasurement',
        params: { id: ACTIVE_CONSULTATION.id, measurementId: PENDING_ID },
      },
      {
        method: 'consultation.dismissMeasurement',
        params: { id: ACTIVE_CONSULTATION.id, measurementId: PENDING_ID },
      },
    ]);
  });

  it('a measurement already decided elsewhere is said so, in words, not as a code', async () => {
    const backend = show('en');
    backend.answer = () => {
      throw new BackendCallError('not-found', 'measurement-not-pending: gone');
    };
    await act(async () => {
      fireEvent.click(screen.getByTestId('pending-confirm'));
      await Promise.resolve();
    });
    expect(screen.getByTestId('pending-status').textContent).toBe(
      'This measurement was already confirmed or dismissed, or the consultation ended.',
    );
  });

  it('shows nothing without a consultation or without pending measurements', () => {
    show('en', null);
    show('en', { ...ACTIVE_CONSULTATION, pending: [] });
    expect(screen.queryByTestId('pending-measurements')).toBeNull();
  });

  it('the BP tile marks a result measured before the consultation', () => {
    const result = {
      systolic: 131,
      diastolic: 85,
      mean: null,
      pulse: 68,
      time: MEASURED_AT,
      timeMs: Date.parse(MEASURED_AT),
    };
    const start = Date.parse(ACTIVE_CONSULTATION.startedAt);
    const { rerender } = render(
      <BpResultTile result={result} nowMs={start + 60_000} consultationStartMs={start} />,
    );
    expect(screen.getByTestId('bp-before').textContent).toBe('measured before this consultation');
    rerender(<BpResultTile result={result} nowMs={start + 60_000} consultationStartMs={null} />);
    expect(screen.queryByTestId('bp-before')).toBeNull();
  });
});
