import type { ConsultationSummary } from '../../../../src/shared/domain/consultation';
import type { BackendClient } from '../../../../src/renderer/backend-client/backend-client';
import { BackendCallError } from '../../../../src/renderer/backend-client/backend-client';
import { Emitter } from '../../../../src/renderer/features/call/call-events';
import { INITIAL_CALL_STATE, type CallState } from '../../../../src/renderer/features/call/call-machine';
import type { CallSession } from '../../../../src/renderer/features/call/call-session';
import type { ChatMessage, ControlLink } from '../../../../src/renderer/features/call/control-link';
import type { ControlMessage } from '../../../../src/renderer/features/call/control-messages';
import { ValueStore } from '../../../../src/renderer/features/value-store';
import { CONSULTATION_START } from '../../../helpers/consultation-start';

type ControlEvents = { [T in ControlMessage['type']]: [Extract<ControlMessage, { type: T }>] };

/**
 * The control channel without a peer: what the far side "sends" is emitted by the test, what this
 * side sends is kept in `sent`. The real ControlLink needs a data channel (and TextEncoder, which
 * jsdom lacks); its framing is tested on its own in channel-and-snapshots.test.ts.
 */
export class FakeControlLink {
  readonly chat = new ValueStore<readonly ChatMessage[]>([]);
  readonly messages = new Emitter<ControlEvents>();
  readonly sent: ControlMessage[] = [];
  connected = true;
  private counter = 0;

  send(message: ControlMessage): boolean {
    if (!this.connected) return false;
    this.sent.push(message);
    return true;
  }

  nextId(): string {
    this.counter += 1;
    return `m${this.counter}`;
  }

  /** A chat line as the link records it: `mine` for the station's own, else the doctor's. */
  addChat(text: string, mine: boolean, id = this.nextId()): void {
    const line = { id, text, sentAt: Date.now(), mine };
    this.chat.set([...this.chat.getSnapshot(), line]);
  }

  receive<T extends ControlMessage['type']>(message: Extract<ControlMessage, { type: T }>): void {
    (this.messages.emit as (type: string, message: ControlMessage) => void)(message.type, message);
  }

  asLink(): ControlLink {
    return this as unknown as ControlLink;
  }
}

/** Only the session's events matter to the recorder (connected → patient + timeline). */
export function fakeSession(): {
  session: CallSession;
  events: CallSession['events'];
  state: CallSession['state'];
} {
  const events: CallSession['events'] = new Emitter();
  const state: CallSession['state'] = new ValueStore<CallState>(INITIAL_CALL_STATE);
  return { session: { events, state } as unknown as CallSession, events, state };
}

/** A backend client that records every call and answers from `answer` (or refuses). */
export class FakeClient {
  readonly calls: { method: string; params: unknown }[] = [];
  answer: (method: string, params: unknown) => unknown = () => ({});

  readonly client = {
    call: async (method: string, params: unknown) => {
      this.calls.push({ method, params });
      return this.answer(method, params);
    },
    on: () => () => undefined,
    connection: { get: () => 'open', subscribe: () => () => undefined },
    close: () => undefined,
  } as unknown as BackendClient;

  /** The next calls of `method` fail the way the backend fails them. */
  refuse(method: string, message: string): void {
    const previous = this.answer;
    this.answer = (called, params) => {
      if (called === method) throw new BackendCallError('forbidden', message);
      return previous(called, params);
    };
  }

  methods(): string[] {
    return this.calls.map((call) => call.method);
  }
}

export const ACTIVE_CONSULTATION: ConsultationSummary = {
  id: '0123456789abcdef0123456789abcdef',
  status: 'active',
  patient: CONSULTATION_START.patient,
  accompanying: CONSULTATION_START.accompanying,
  consent: { ...CONSULTATION_START.consent, recordedAt: '2026-11-25T09:00:00.000Z' },
  motive: 'Essoufflement',
  startedAt: '2026-11-25T09:00:00.000Z',
  endedAt: null,
  hasReport: false,
  hasCareSheet: false,
  counts: { numerics: 0, waveformSamples: 0, media: 0, events: 2 },
};
