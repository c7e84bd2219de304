/**
 * @jest-environment node
 */
// The real ControlLink frames with TextEncoder, which Node has and jsdom lacks.
import { Emitter } from '../../../../src/renderer/features/call/call-events';
import type { CallSession } from '../../../../src/renderer/features/call/call-session';
import { frameControl, unframe } from '../../../../src/renderer/features/call/channel-mux';
import { ControlLink } from '../../../../src/renderer/features/call/control-link';
import {
  parseControlMessage,
  type ControlMessage,
} from '../../../../src/renderer/features/call/control-messages';
import {
  DEFAULT_DOCTOR_WRITE_LIMITS,
  DoctorWriteBudget,
  doctorWriteBudgetFor,
} from '../../../../src/renderer/features/call/doctor-write-budget';

/** A call session reduced to its data channel: what the doctor sends in, what the station sends out. */
function fakeChannel(): {
  session: CallSession;
  deliver(message: ControlMessage): void;
  sent: ControlMessage[];
} {
  const events = new Emitter<{ data: [Uint8Array] }>();
  const sent: ControlMessage[] = [];
  const session = {
    events,
    send(bytes: Uint8Array) {
      const framed = unframe(bytes);
      const parsed = framed?.channel === 'control' ? parseControlMessage(framed.text) : null;
      if (parsed !== null) sent.push(parsed);
      return true;
    },
  } as unknown as CallSession;
  return { session, sent, deliver: (message) => events.emit('data', frameControl(JSON.stringify(message))) };
}

const note = (n: number, text = 'x'.repeat(10_000)): ControlMessage => ({
  type: 'note',
  id: `n${n}`,
  author: 'Dr Martin',
  text,
});

describe("the doctor's writes, per consultation", () => {
  it('replays the review: of 400 full-size notes, only what the budget allows reaches the record', () => {
    const { session, deliver, sent } = fakeChannel();
    const budget = new DoctorWriteBudget();
    const link = new ControlLink(session, (message) => budget.admit(message));
    const saved: string[] = [];
    link.messages.on('note', ({ id }) => saved.push(id));
    for (let n = 0; n < 400; n += 1) deliver(note(n));
    const allowed = Math.floor(DEFAULT_DOCTOR_WRITE_LIMITS.noteChars / 10_000);
    expect(saved).toHaveLength(allowed);
    expect(sent).toHaveLength(400 - allowed);
    expect(sent[0]).toEqual({
      type: 'report-result',
      id: `n${allowed}`,
      ok: false,
      code: 'limit-reached',
      message: 'limit-reached: notes 100, 262144 chars',
    });
  });

  it('caps the number of notes, report saves, snapshot and measurement requests, and chat lines', () => {
    const limits = {
      notes: 2,
      noteChars: 1000,
      reports: 1,
      snapshotRequests: 2,
      measureRequests: 1,
      chatLines: 3,
    };
    const budget = new DoctorWriteBudget(limits);
    expect([1, 2, 3].map((n) => budget.admit(note(n, 'short')).ok)).toEqual([true, true, false]);
    expect(budget.admit({ type: 'report', id: 'r1' }).ok).toBe(true);
    expect(budget.admit({ type: 'report', id: 'r2' })).toEqual({
      ok: false,
      reply: {
        type: 'report-result',
        id: 'r2',
        ok: false,
        code: 'limit-reached',
        message: 'limit-reached: reports 1',
      },
    });
    const snapshots = ['s1', 's2', 's3'].map((id) => budget.admit({ type: 'snapshot-request', id }));
    expect(snapshots.map((a) => a.ok)).toEqual([true, true, false]);
    expect(snapshots[2]).toMatchObject({
      reply: { type: 'snapshot-failed', id: 's3', code: 'limit-reached' },
    });
    expect(budget.admit({ type: 'measure-request', id: 'm1' }).ok).toBe(true);
    expect(budget.admit({ type: 'measure-request', id: 'm2' })).toMatchObject({
      ok: false,
      reply: { type: 'measure-result', id: 'm2', outcome: 'failed', code: 'limit-reached' },
    });
    const chat = (id: string): ControlMessage => ({ type: 'chat', id, text: 'hello', sentAt: 0 });
    expect(['c1', 'c2', 'c3', 'c4'].map((id) => budget.admit(chat(id)))).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
      { ok: false, reply: null },
    ]);
    // What the station itself answers or announces is never counted.
    for (let n = 0; n < 10; n += 1) expect(budget.admit({ type: 'bye' }).ok).toBe(true);
  });

  it('keeps counting across calls of one consultation, and starts afresh for the next', () => {
    const first = doctorWriteBudgetFor('consultation-a');
    expect(doctorWriteBudgetFor('consultation-a')).toBe(first);
    expect(doctorWriteBudgetFor('consultation-b')).not.toBe(first);
  });

  it('drops chat lines over the budget from the history too', () => {
    const { session, deliver } = fakeChannel();
    const budget = new DoctorWriteBudget({ ...DEFAULT_DOCTOR_WRITE_LIMITS, chatLines: 2 });
    const link = new ControlLink(session, (message) => budget.admit(message));
    for (const id of ['a', 'b', 'c']) deliver({ type: 'chat', id, text: `line ${id}`, sentAt: 1 });
    expect(link.chat.getSnapshot().map((line) => line.id)).toEqual(['a', 'b']);
  });
});
