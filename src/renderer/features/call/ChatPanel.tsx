import { useState } from 'react';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { useStore } from '../use-store';
import { callMessages } from './call-messages';
import { chatMessages, type ChatSide } from './chat-messages';
import type { ControlLink } from './control-link';

/** Text beside the call: for a spelling, a dosage, or when the audio fails. */
export function ChatPanel({ control, self }: { control: ControlLink; self: ChatSide }) {
  const m = useMessages(callMessages);
  const [draft, setDraft] = useState('');
  return (
    <section className="chat" aria-label={m.chat}>
      <ChatLog control={control} self={self} />
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

/**
 * The chat's lines, each saying who wrote it (`self` is this page's side) and at what time (HH:mm,
 * from the line's own timestamp, in this page's time zone).
 */
export function ChatLog({ control, self }: { control: ControlLink; self: ChatSide }) {
  const words = useMessages(chatMessages);
  const format = useFormat();
  const lines = useStore(control.chat);
  const other: ChatSide = self === 'station' ? 'doctor' : 'station';
  return (
    <ol className="chat-log" data-testid="chat-log">
      {lines.map((line) => {
        // The far side's clock: a value no Date holds is shown without a time, never thrown on.
        const sentAt = new Date(line.sentAt);
        const valid = Number.isFinite(sentAt.getTime());
        return (
          <li
            key={line.id}
            className={line.mine ? 'chat-line chat-line--mine' : 'chat-line'}
            data-testid="chat-line"
          >
            <span className="chat-meta" data-testid="chat-meta">
              {words.sender(line.mine ? self : other, line.mine)}
              {valid && (
                <>
                  {' '}
                  <time dateTime={sentAt.toISOString()}>{format.time(sentAt, false)}</time>
                </>
              )}
            </span>{' '}
            <span className="chat-text">{line.text}</span>
          </li>
        );
      })}
    </ol>
  );
}
