import { ConsultationRecorder } from '../../../../src/renderer/features/call/consultation-recorder';
import { INITIAL_CALL_STATE } from '../../../../src/renderer/features/call/call-machine';
import { ACTIVE_CONSULTATION, FakeClient, FakeControlLink, fakeSession } from './fake-control-link';

/**
 * Issue 12 item 1: when the consultation ends, the call ends with it and nothing about the call's
 * end reaches its sealed record, nor the nurse as a raw backend error.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const SEALED = `record-sealed: consultation ${ACTIVE_CONSULTATION.id}: the consultation is ended`;

function setup() {
  const backend = new FakeClient();
  const control = new FakeControlLink();
  const { session, events, state } = fakeSession();
  const problems: string[] = [];
  const recorder = new ConsultationRecorder(
    backend.client,
    ACTIVE_CONSULTATION,
    control.asLink(),
    session,
    (p) => problems.push(p),
  );
  return { backend, control, events, state, problems, recorder };
}

describe('consultation recorder when the consultation ends', () => {
  it('writes no "call ended" into a record closed with its consultation', async () => {
    const { backend, events, recorder } = setup();
    recorder.start();
    events.emit('connected');
    await settle();
    const written = backend.calls.filter((c) => c.method === 'consultation.append').length;
    recorder.stop({ recordClosed: true });
    await settle();
    expect(backend.calls.filter((c) => c.method === 'consultation.append')).toHaveLength(written);
  });

  it('a link drop the sealed record refuses is no problem for the nurse; a chat line still is', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { backend, control, state, problems, recorder } = setup();
    recorder.start();
    backend.refuse('consultation.append', SEALED);
    state.set({ ...INITIAL_CALL_STATE, phase: 'reconnecting' });
    await settle();
    expect(backend.calls.at(-1)?.params).toMatchObject({ event: { kind: 'call', state: 'reconnecting' } });
    expect(problems).toEqual([]);

    control.addChat('Encore là ?', true);
    await settle();
    expect(problems).toEqual([SEALED]);
    warn.mockRestore();
  });
});
