import { act, fireEvent, render, screen } from '@testing-library/react';
import { ConsultantRecord } from '../../../src/renderer/consultant/consultant-record';
import { RecordForms } from '../../../src/renderer/consultant/RecordForms';
import type { ReportOnlyConnection } from '../../../src/renderer/consultant/report-only-connection';
import type { ControlLink } from '../../../src/renderer/features/call/control-link';
import { I18nProvider } from '../../../src/renderer/i18n/I18nProvider';
import { FIXTURE_REPORT } from '../../helpers/consultation-fixture';
import { FakeControlLink } from '../features/call/fake-control-link';

/** A report-only connection whose station seat answers (or not) when the test says. */
function fakeConnection(answers: boolean) {
  const control = new FakeControlLink();
  const ends = new Set<() => void>();
  let connects = 0;
  const connection = {
    control: control.asLink(),
    connect: (): Promise<ControlLink | null> => {
      connects += 1;
      return Promise.resolve(answers ? control.asLink() : null);
    },
    onEnd: (listener: () => void) => {
      ends.add(listener);
      return () => ends.delete(listener);
    },
  } as unknown as ReportOnlyConnection;
  return { connection, control, end: () => ends.forEach((l) => l()), connects: () => connects };
}

/** The call's record after the station closed the consultation (the call's link is gone). */
function afterEnd(answers = true) {
  const call = new FakeControlLink();
  const record = new ConsultantRecord(call.asLink());
  call.receive({ type: 'report-link', token: 'v1.report.token' });
  record.dispose();
  const room = fakeConnection(answers);
  record.continueAfterEnd(room.connection);
  return { record, room, call };
}

const flush = () => act(() => Promise.resolve());

describe('the doctor’s page after the end: report versions through the report-only room', () => {
  it('keeps the report link the station handed over during the call', () => {
    const { record } = afterEnd();
    expect(record.reportLink).toBe('v1.report.token');
  });

  it('connects at the send and says saved only on the station’s answer, with its version', async () => {
    const { record, room } = afterEnd();
    record.sendReport(FIXTURE_REPORT);
    expect(record.sends.getSnapshot().report).toEqual({ state: 'sending' });
    await flush();
    expect(room.connects()).toBe(1);
    const sent = room.control.sent.at(-1);
    expect(sent).toMatchObject({ type: 'report', report: FIXTURE_REPORT });
    expect(record.sends.getSnapshot().report).toEqual({ state: 'sending' });
    room.control.receive({
      type: 'report-result',
      id: (sent as { id: string }).id,
      ok: true,
      version: 2,
      message: 'saved',
    });
    expect(record.sends.getSnapshot().report).toEqual({ state: 'saved', version: 2 });
  });

  it('shows the station’s refusal with its code, and an unanswered send as not sent', async () => {
    const { record, room } = afterEnd();
    record.sendReport(FIXTURE_REPORT);
    await flush();
    const { id } = room.control.sent.at(-1) as { id: string };
    room.control.receive({
      type: 'report-result',
      id,
      ok: false,
      code: 'amend-window-closed',
      message: 'amend-window-closed: …',
    });
    expect(record.sends.getSnapshot().report).toMatchObject({ state: 'failed', code: 'amend-window-closed' });

    const silent = afterEnd(false);
    silent.record.sendNote('Dr M', 'ajout');
    await flush();
    expect(silent.record.sends.getSnapshot().note).toEqual({ state: 'not-connected' });
  });

  it('a room left before the answer leaves the write unconfirmed, never saved', async () => {
    const { record, room } = afterEnd();
    record.sendReport(FIXTURE_REPORT);
    await flush();
    room.end();
    expect(record.sends.getSnapshot().report).toEqual({ state: 'unconfirmed' });
  });

  it('offers “Send to the station” in the doctor’s language, and the draft is never overwritten', async () => {
    const { record, room } = afterEnd();
    render(
      <I18nProvider locale="fr">
        <RecordForms record={record} enabled afterEnd />
      </I18nProvider>,
    );
    expect(screen.getByTestId('record-send-report').textContent).toBe('Envoyer à la station');
    const conclusion = screen.getByTestId<HTMLTextAreaElement>('record-conclusion');
    fireEvent.change(conclusion, { target: { value: 'Brouillon du médecin' } });
    act(() =>
      room.control.receive({
        type: 'record-state',
        status: 'ended',
        report: { version: 1, value: FIXTURE_REPORT },
        careSheet: null,
      }),
    );
    expect(conclusion.value).toBe('Brouillon du médecin');
    expect(screen.getByTestId('record-station-ended')).toBeTruthy();
    await flush();
  });
});
