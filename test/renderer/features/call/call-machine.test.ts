import {
  awaitingDoctor,
  callReducer,
  INITIAL_CALL_STATE,
  type CallEvent,
  type CallState,
} from '../../../../src/renderer/features/call/call-machine';
import { callMessages } from '../../../../src/renderer/features/call/call-messages';

const describeCall = callMessages.en.callState;

const run = (...events: CallEvent[]): CallState => events.reduce(callReducer, INITIAL_CALL_STATE);

describe('call machine', () => {
  it('takes the station from idle through inviting to connected', () => {
    expect(run({ type: 'invite' }).phase).toBe('inviting');
    expect(run({ type: 'invite' }, { type: 'peer-connected' }).phase).toBe('connected');
  });

  it('takes the consultant from idle to connecting to connected', () => {
    expect(run({ type: 'join' }).phase).toBe('connecting');
    expect(run({ type: 'join' }, { type: 'peer-connected' }).phase).toBe('connected');
  });

  it('reconnects after a lost link and counts the attempts, reset once connected again', () => {
    const lost = run({ type: 'join' }, { type: 'peer-connected' }, { type: 'link-lost', detail: 'cut' });
    expect(lost).toMatchObject({ phase: 'reconnecting', detail: 'cut' });
    const retried = [{ type: 'rejoin' }, { type: 'rejoin' }].reduce<CallState>(
      (state, event) => callReducer(state, event as CallEvent),
      lost,
    );
    expect(retried.reconnectAttempts).toBe(2);
    expect(callReducer(retried, { type: 'peer-connected' })).toMatchObject({
      phase: 'connected',
      reconnectAttempts: 0,
      detail: null,
    });
  });

  it('keeps waiting (no "reconnecting") when the link is lost before the first connection', () => {
    expect(run({ type: 'invite' }, { type: 'link-lost' }).phase).toBe('inviting');
    expect(run({ type: 'join' }, { type: 'link-lost' }).phase).toBe('connecting');
  });

  it('ends with a reason and ignores everything after, until reset', () => {
    const ended = run({ type: 'join' }, { type: 'end', reason: 'rejected', detail: 'expired' });
    expect(ended).toMatchObject({ phase: 'ended', endReason: 'rejected', detail: 'expired' });
    expect(callReducer(ended, { type: 'peer-connected' })).toBe(ended);
    expect(callReducer(ended, { type: 'reset' })).toBe(INITIAL_CALL_STATE);
  });

  it('marks the audio-only fallback and says so', () => {
    const state = run({ type: 'join' }, { type: 'peer-connected' }, { type: 'audio-only', on: true });
    expect(state.audioOnly).toBe(true);
    expect(describeCall(state)).toContain('audio and vitals only');
  });

  it('describes each phase in words', () => {
    expect(describeCall(run({ type: 'invite' }))).toMatch(/Waiting for the doctor/);
    expect(describeCall(run({ type: 'join' }, { type: 'peer-connected' }, { type: 'link-lost' }))).toMatch(
      /reconnecting/,
    );
    expect(describeCall(run({ type: 'end', reason: 'remote-hung-up' }))).toBe(
      'The other side ended the call',
    );
    // A code is worded; any other detail (a server's or a browser's text) is for the log only.
    expect(describeCall(run({ type: 'end', reason: 'rejected', detail: 'room-full' }))).toBe(
      'Another doctor is already in this call.',
    );
    expect(describeCall(run({ type: 'end', reason: 'rejected', detail: 'room full' }))).toBe(
      'Could not join the call',
    );
    expect(describeCall(run({ type: 'end', reason: 'media-error', detail: 'NotReadableError: x' }))).toBe(
      'Camera or microphone unavailable',
    );
  });

  it('says the same in French', () => {
    const fr = callMessages.fr.callState;
    expect(fr(run({ type: 'invite' }))).toBe('En attente du médecin…');
    expect(fr(run({ type: 'end', reason: 'rejected', detail: 'replayed-token' }))).toBe(
      'Ce lien a déjà été utilisé. Demandez un nouveau lien à la station.',
    );
    expect(fr(run({ type: 'end', reason: 'rejected', detail: 'unavailable' }))).toMatch(
      /^Le serveur d’appel/,
    );
    expect(fr(run({ type: 'end', reason: 'rejected', detail: 'salle pleine' }))).toBe(
      'Impossible de rejoindre l’appel',
    );
  });
});

describe('the single-use link', () => {
  it('is offered until the doctor joins, and again only after a move to a new room', () => {
    expect(awaitingDoctor(run({ type: 'invite' }).phase)).toBe(true);
    expect(awaitingDoctor(run({ type: 'invite' }, { type: 'peer-connected' }).phase)).toBe(false);
    expect(
      awaitingDoctor(run({ type: 'invite' }, { type: 'peer-connected' }, { type: 'link-lost' }).phase),
    ).toBe(false);
    expect(
      awaitingDoctor(run({ type: 'invite' }, { type: 'peer-connected' }, { type: 'room-changed' }).phase),
    ).toBe(true);
    expect(awaitingDoctor(run({ type: 'invite' }, { type: 'end', reason: 'hung-up' }).phase)).toBe(false);
  });
});
