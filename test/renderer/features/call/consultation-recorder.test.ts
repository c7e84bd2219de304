import type { CallState } from '../../../../src/renderer/features/call/call-machine';
import { ConsultationRecorder } from '../../../../src/renderer/features/call/consultation-recorder';
import { FIXTURE_REPORT } from '../../../helpers/consultation-fixture';
import { ACTIVE_CONSULTATION, FakeClient, FakeControlLink, fakeSession } from './fake-control-link';

const CARE_SHEET = {
  actCode: 'TC' as const,
  date: '2026-11-25',
  doctor: { name: 'Dr Camille Martin', rpps: '10101010101' },
  teleconsultation: true as const,
  pathway: 'treating-doctor' as const,
  place: 'home' as const,
  accompanyingAct: 'TLS' as const,
};

/** Lets the recorder's awaited backend calls settle (they are plain resolved promises here). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function setup(consultation = ACTIVE_CONSULTATION) {
  const backend = new FakeClient();
  const control = new FakeControlLink();
  const { session, events, state } = fakeSession();
  const problems: string[] = [];
  const recorder = new ConsultationRecorder(backend.client, consultation, control.asLink(), session, (p) =>
    problems.push(p),
  );
  return { backend, control, events, state, problems, recorder };
}

describe('consultation recorder', () => {
  it('records every chat line once, both directions, into the active consultation', async () => {
    const { backend, control, recorder } = setup();
    recorder.start();
    control.addChat('Bonjour docteur', true);
    control.addChat('Bonjour, je vous entends', false);
    control.addChat('Elle tousse depuis hier', true);
    await settle();
    expect(backend.calls).toEqual([
      {
        method: 'consultation.append',
        params: {
          id: ACTIVE_CONSULTATION.id,
          event: { kind: 'chat', from: 'station', text: 'Bonjour docteur' },
        },
      },
      {
        method: 'consultation.append',
        params: {
          id: ACTIVE_CONSULTATION.id,
          event: { kind: 'chat', from: 'consultant', text: 'Bonjour, je vous entends' },
        },
      },
      {
        method: 'consultation.append',
        params: {
          id: ACTIVE_CONSULTATION.id,
          event: { kind: 'chat', from: 'station', text: 'Elle tousse depuis hier' },
        },
      },
    ]);
  });

  it('keeps a doctor line whose id happens to equal one of the station (each side picks its own ids)', async () => {
    const { backend, control, recorder } = setup();
    recorder.start();
    control.addChat('Bonjour docteur', true, 'same-id');
    control.addChat('Bonjour madame', false, 'same-id');
    await settle();
    expect(backend.calls.map((call) => (call.params as { event: { text: string } }).event.text)).toEqual([
      'Bonjour docteur',
      'Bonjour madame',
    ]);
  });

  it('on connect tells the doctor who the patient is (no INS) and records connected / ended', async () => {
    const { backend, control, events, recorder } = setup();
    recorder.start();
    events.emit('connected');
    expect(control.sent.slice(0, 1)).toEqual([
      {
        type: 'patient',
        patient: {
          familyName: 'Dupont-Lefèvre',
          birthGivenNames: ['Jeanne', 'Éloïse'],
          birthDate: '1948-03-14',
          sex: 'female',
        },
        consent: ACTIVE_CONSULTATION.consent,
        accompanying: ACTIVE_CONSULTATION.accompanying,
        motive: 'Essoufflement',
      },
    ]);
    expect(JSON.stringify(control.sent)).not.toContain('248037512345658');
    recorder.stop();
    recorder.stop(); // once only
    await settle();
    expect(
      backend.calls.filter((c) => c.method === 'consultation.append').map((call) => call.params),
    ).toEqual([
      { id: ACTIVE_CONSULTATION.id, event: { kind: 'call', state: 'connected' } },
      { id: ACTIVE_CONSULTATION.id, event: { kind: 'call', state: 'ended' } },
    ]);
  });

  it('records each drop of the call once and the reconnection after it (technical incidents)', async () => {
    const { backend, events, state, recorder } = setup();
    recorder.start();
    const phase = (next: CallState['phase']): void => state.set({ ...state.getSnapshot(), phase: next });
    phase('connected');
    events.emit('connected');
    phase('reconnecting');
    state.set({ ...state.getSnapshot(), reconnectAttempts: 1 }); // still the same drop
    phase('connected');
    events.emit('connected');
    phase('reconnecting');
    phase('connected');
    events.emit('connected');
    recorder.stop();
    await settle();
    const appended = backend.calls.filter((call) => call.method === 'consultation.append');
    expect(appended.map((call) => (call.params as { event: { state: string } }).event.state)).toEqual([
      'connected',
      'reconnecting',
      'reconnected',
      'reconnecting',
      'reconnected',
      'ended',
    ]);
  });

  it('stores the doctor’s report and care sheet, and answers report-result ok', async () => {
    const { backend, control, recorder } = setup();
    recorder.start();
    control.receive({ type: 'report', id: 'r1', report: FIXTURE_REPORT, careSheet: CARE_SHEET });
    await settle();
    expect(backend.calls).toEqual([
      {
        method: 'consultation.report',
        params: { id: ACTIVE_CONSULTATION.id, report: FIXTURE_REPORT, careSheet: CARE_SHEET },
      },
    ]);
    expect(control.sent).toEqual([{ type: 'report-result', id: 'r1', ok: true, message: 'saved' }]);
  });

  it('answers ok:false with the backend’s message when the record refuses, losing nothing silently', async () => {
    const { backend, control, recorder } = setup();
    backend.refuse(
      'consultation.report',
      'consultation 0123 is ended: only the active one takes new entries',
    );
    recorder.start();
    control.receive({ type: 'report', id: 'r2', careSheet: CARE_SHEET });
    await settle();
    expect(backend.methods()).toEqual(['consultation.report']);
    expect(control.sent).toEqual([
      {
        type: 'report-result',
        id: 'r2',
        ok: false,
        message: 'consultation 0123 is ended: only the active one takes new entries',
      },
    ]);
  });

  it('on each connect sends the saved report and care sheet (latest versions), so a rejoin never starts blank', async () => {
    const { backend, control, events, recorder } = setup();
    backend.answer = (method) =>
      method === 'consultation.get'
        ? {
            summary: { ...ACTIVE_CONSULTATION, status: 'ended' },
            report: FIXTURE_REPORT,
            careSheet: null,
            versions: [
              {
                kind: 'report',
                version: 1,
                savedAt: '2026-11-25T09:10:00.000Z',
                savedBy: 'x',
                report: FIXTURE_REPORT,
              },
              {
                kind: 'report',
                version: 2,
                savedAt: '2026-11-25T09:20:00.000Z',
                savedBy: 'x',
                report: FIXTURE_REPORT,
              },
            ],
          }
        : {};
    recorder.start();
    events.emit('connected');
    await settle();
    expect(control.sent.find((m) => m.type === 'record-state')).toEqual({
      type: 'record-state',
      status: 'ended',
      report: { version: 2, value: FIXTURE_REPORT },
      careSheet: null,
    });
  });

  it('says saved only with the version the station made; a sealed record answers its code', async () => {
    const { backend, control, recorder } = setup();
    backend.answer = () => ({ summary: ACTIVE_CONSULTATION, reportVersion: 3 });
    recorder.start();
    control.receive({ type: 'report', id: 'r4', report: FIXTURE_REPORT });
    await settle();
    backend.refuse('consultation.report', 'record-sealed: consultation 0123: the consultation is ended');
    control.receive({ type: 'report', id: 'r5', careSheet: CARE_SHEET });
    await settle();
    expect(control.sent).toEqual([
      { type: 'report-result', id: 'r4', ok: true, version: 3, message: 'saved' },
      {
        type: 'report-result',
        id: 'r5',
        ok: false,
        code: 'record-sealed',
        message: 'record-sealed: consultation 0123: the consultation is ended',
      },
    ]);
  });

  it('refuses an empty report message without asking the backend', async () => {
    const { backend, control, recorder } = setup();
    recorder.start();
    control.receive({ type: 'report', id: 'r3' });
    await settle();
    expect(backend.calls).toEqual([]);
    expect(control.sent).toEqual([
      { type: 'report-result', id: 'r3', ok: false, message: 'nothing to save: no report and no care sheet' },
    ]);
  });

  it('appends the doctor’s notes, ok or refused', async () => {
    const { backend, control, recorder } = setup();
    recorder.start();
    control.receive({ type: 'note', id: 'n1', author: 'Dr Martin', text: 'Rappeler à 48 h' });
    await settle();
    backend.refuse('consultation.append', 'database is locked');
    control.receive({ type: 'note', id: 'n2', author: 'Dr Martin', text: 'Deuxième note' });
    await settle();
    expect(backend.calls.map((call) => call.params)).toEqual([
      {
        id: ACTIVE_CONSULTATION.id,
        event: { kind: 'note', author: 'Dr Martin', text: 'Rappeler à 48 h' },
        via: 'consultant',
      },
      {
        id: ACTIVE_CONSULTATION.id,
        event: { kind: 'note', author: 'Dr Martin', text: 'Deuxième note' },
        via: 'consultant',
      },
    ]);
    expect(control.sent).toEqual([
      { type: 'report-result', id: 'n1', ok: true, message: 'saved' },
      { type: 'report-result', id: 'n2', ok: false, message: 'database is locked' },
    ]);
  });

  it('attaches snapshots and stethoscope recordings to the consultation', async () => {
    const { backend, recorder } = setup();
    await recorder.attachSnapshot(
      { id: 's1', mime: 'image/jpeg', width: 4, height: 3, base64: '/9j/AA==' },
      'otoscope',
    );
    await recorder.attachStethoscope(new Uint8Array([82, 73, 70, 70]), new Date('2026-11-25T09:05:00.000Z'));
    const [snapshot, wav] = backend.calls;
    expect(snapshot).toEqual({
      method: 'consultation.attach',
      params: {
        id: ACTIVE_CONSULTATION.id,
        kind: 'snapshot',
        mime: 'image/jpeg',
        dataBase64: '/9j/AA==',
        takenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
        label: 'otoscope',
      },
    });
    expect(wav).toEqual({
      method: 'consultation.attach',
      params: {
        id: ACTIVE_CONSULTATION.id,
        kind: 'stethoscope',
        mime: 'audio/wav',
        dataBase64: 'UklGRg==',
        takenAt: '2026-11-25T09:05:00.000Z',
      },
    });
  });

  it('a timeline write the record refuses is reported to the station’s user', async () => {
    const { backend, control, problems, recorder } = setup();
    backend.refuse('consultation.append', 'consultation is ended');
    recorder.start();
    control.addChat('Encore là ?', true);
    await settle();
    expect(problems).toEqual(['consultation is ended']);
  });

  it('records nothing before start or after stop (no call inside the consultation)', async () => {
    const { backend, control, events, recorder } = setup();
    control.addChat('avant', true);
    control.receive({ type: 'note', id: 'n0', author: 'Dr Martin', text: 'avant' });
    events.emit('connected');
    recorder.start();
    recorder.stop(); // never connected: no "call ended" either
    control.addChat('après', false);
    control.receive({ type: 'report', id: 'r9', report: FIXTURE_REPORT });
    events.emit('connected');
    await settle();
    expect(backend.calls).toEqual([]);
    expect(control.sent).toEqual([]);
  });

  it('tells whether readings may go to the doctor, from the consent', () => {
    expect(setup().recorder.deviceData).toBe(true);
    const noDeviceData = {
      ...ACTIVE_CONSULTATION,
      consent: { ...ACTIVE_CONSULTATION.consent, deviceData: false },
    };
    expect(setup(noDeviceData).recorder.deviceData).toBe(false);
  });
});
