import { ValueStore } from '../value-store';
import { frameControl, unframe } from './channel-mux';
import type { EndReason } from './call-machine';
import type { CallSession } from './call-session';
import { parseControlMessage, type ControlMessage } from './control-messages';
import { Emitter } from './call-events';
import type { Admission } from './doctor-write-budget';

/**
 * The JSON control channel, shared by both sides: chat history, goodbye, and a
 * typed fan-out for the role-specific requests (snapshots, measurements, media labels).
 */
export interface ChatMessage {
  readonly id: string;
  readonly text: string;
  readonly sentAt: number;
  readonly mine: boolean;
}

export const MAX_CHAT_HISTORY = 200;

type ControlEvents = { [T in ControlMessage['type']]: [Extract<ControlMessage, { type: T }>] };

export class ControlLink {
  readonly chat = new ValueStore<readonly ChatMessage[]>([]);
  readonly messages = new Emitter<ControlEvents>();
  private readonly unsubscribes: (() => void)[] = [];
  private counter = 0;

  /**
   * `admit` sees every message from the far side first (the station counts the doctor's writes,
   * doctor-write-budget.ts): refused, the message reaches no handler and `reply` is sent instead.
   */
  constructor(
    private readonly call: CallSession,
    private readonly admit: (message: ControlMessage) => Admission = () => ({ ok: true }),
  ) {
    this.unsubscribes.push(
      call.events.on('data', (bytes) => {
        const message = unframe(bytes);
        if (message?.channel !== 'control') return;
        const parsed = parseControlMessage(message.text);
        if (parsed === null) console.warn('peer sent a control message outside the protocol');
        else this.receive(parsed);
      }),
    );
  }

  send(message: ControlMessage): boolean {
    return this.call.send(frameControl(JSON.stringify(message)));
  }

  sendChat(text: string): boolean {
    const trimmed = text.trim();
    if (trimmed === '') return false;
    const message = {
      type: 'chat' as const,
      id: this.nextId(),
      text: trimmed.slice(0, 2000),
      sentAt: Date.now(),
    };
    if (!this.send(message)) return false;
    this.appendChat({ id: message.id, text: message.text, sentAt: message.sentAt, mine: true });
    return true;
  }

  /** Says goodbye on both paths (the data channel may be down, the rendezvous socket too). */
  hangUp(reason?: EndReason): void {
    this.send({ type: 'bye' });
    this.call.hangUp(reason);
  }

  nextId(): string {
    this.counter += 1;
    return `${Date.now().toString(36)}-${this.counter}`;
  }

  dispose(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private receive(message: ControlMessage): void {
    const admission = this.admit(message);
    if (!admission.ok) {
      if (admission.reply !== null) this.send(admission.reply);
      return;
    }
    if (message.type === 'chat') {
      this.appendChat({ id: message.id, text: message.text, sentAt: message.sentAt, mine: false });
    } else if (message.type === 'bye') {
      this.call.end('remote-hung-up');
    }
    (this.messages.emit as (type: string, message: ControlMessage) => void)(message.type, message);
  }

  private appendChat(entry: ChatMessage): void {
    this.chat.set([...this.chat.getSnapshot(), entry].slice(-MAX_CHAT_HISTORY));
  }
}
