import { useState } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { useStore } from '../use-store';
import { callMessages } from './call-messages';
import type { ControlLink } from './control-link';

/** Text beside the call: for a spelling, a dosage, or when the audio fails. */
export function ChatPanel({ control }: { control: ControlLink }) {
  const m = useMessages(callMessages);
  const messages = useStore(control.chat);
  const [draft, setDraft] = useState('');
  return (
    <section className="chat" aria-label={m.chat}>
      <ol className="chat-log" data-testid="chat-log">
        {messages.map((message) => (
          <li key={message.id} className={message.mine ? 'chat-line chat-line--mine' : 'chat-line'}>
            {message.text}
          </li>
        ))}
      </ol>
      <form
        className="chat-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (control.sendChat(draft)) setDraft('');
        }}
      >
        <input
          className="chat-input"
          data-testid="chat-input"
          value={draft}
          maxLength={2000}
          onChange={(event) => setDraft(event.target.value)}
          aria-label={m.message}
        />
        <button className="button" type="submit" data-testid="chat-send">
          {m.send}
        </button>
      </form>
    </section>
  );
}
