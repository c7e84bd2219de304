import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ConsultationDetail, ConsultationSummary } from '../../../../src/shared/domain/consultation';
import { StationSession } from '../../../../src/renderer/app/station-session';
import { RecordsScreen } from '../../../../src/renderer/features/records/RecordsScreen';
import { I18nProvider } from '../../../../src/renderer/i18n/I18nProvider';
import { fixtureConsultation } from '../../../helpers/consultation-fixture';
import { ScriptedClient } from '../../app/scripted-client';

const settle = () => act(async () => {});

// One short fixture for every test: its waveforms are generated, and the screens only read the detail.
const base: ConsultationDetail = fixtureConsultation({ minutes: 1, ecgLeads: [] }).detail;

/** Two closed records on a scripted backend that deletes like the real one. */
function setup() {
  const record = (id: string, startedAt: string): ConsultationDetail => ({
    ...base,
    summary: { ...base.summary, id, startedAt },
  });
  let records = [record('older', '2026-01-05T09:00:00.000Z'), record('newer', '2026-01-06T09:00:00.000Z')];
  const client = new ScriptedClient({
    'consultation.list': () => records.map((r): ConsultationSummary => r.summary),
    'consultation.get': ({ id }) => records.find((r) => r.summary.id === id) ?? base,
    'consultation.delete': ({ id }) => {
      records = records.filter((r) => r.summary.id !== id);
      return null;
    },
  });
  render(
    <I18nProvider locale="en">
      <RecordsScreen session={new StationSession(client)} />
    </I18nProvider>,
  );
  return client;
}

const openButtonOf = (id: string): HTMLElement =>
  within(document.querySelector<HTMLElement>(`[data-testid="records-item"][data-id="${id}"]`)!).getByTestId(
    'records-open',
  );

/** Presses a button the way a keyboard user does: it has the focus when it is activated. */
function press(button: HTMLElement): void {
  button.focus();
  fireEvent.click(button);
}

describe('RecordsScreen focus (WCAG 2.4.3): the list and a record replace each other', () => {
  it('opening a record starts on its Back button; Back returns to that record in the list', async () => {
    setup();
    await settle();
    press(openButtonOf('older'));
    await settle();
    expect(document.activeElement).toBe(screen.getByTestId('record-back'));
    press(screen.getByTestId('record-back'));
    await settle();
    expect(document.activeElement).toBe(openButtonOf('older'));
  });

  it('after a deletion the focus is on the list title, never on <body>', async () => {
    const client = setup();
    await settle();
    press(openButtonOf('newer'));
    await settle();
    press(screen.getByTestId('record-delete'));
    press(screen.getByTestId('record-delete-dialog-confirm'));
    await settle();
    expect(client.paramsOf('consultation.delete')).toEqual([{ id: 'newer' }]);
    expect(screen.queryByTestId('record-detail')).toBeNull();
    expect(document.activeElement?.tagName).toBe('H1');
    expect(screen.getAllByTestId('records-item').map((li) => li.dataset.id)).toEqual(['older']);
  });
});
