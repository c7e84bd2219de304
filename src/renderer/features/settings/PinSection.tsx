import { useState, type FormEvent } from 'react';
import { useProblemText } from '../../i18n/problem-text';
import type { KioskStatus } from '../../../shared/api';
import { BackendCallError, type BackendClient } from '../../backend-client/backend-client';
import { useMessages } from '../../i18n/use-messages';
import { Feedback, type FeedbackValue } from './Feedback';
import { kioskRefusalOf } from './kiosk-refusal';
import { PinInput } from './PinInput';
import { settingsMessages } from './settings-messages';
import { isPinFormat } from './use-kiosk-status';

interface PinSectionProps {
  readonly client: BackendClient;
  readonly status: KioskStatus;
  readonly onStatus: (status: KioskStatus) => void;
}

/** Sets, changes or removes the settings PIN; the current PIN is asked whenever one is set. */
export function PinSection({ client, status, onStatus }: PinSectionProps) {
  const m = useMessages(settingsMessages);
  const problemText = useProblemText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [feedback, setFeedback] = useState<FeedbackValue>(null);
  const [busy, setBusy] = useState(false);

  const send = async (newPin: string | null): Promise<void> => {
    if (busy) return; // the buttons only look disabled (see below)
    if (status.pinSet && !isPinFormat(current)) return setFeedback({ kind: 'error', text: m.pinFormat });
    if (newPin !== null && !isPinFormat(newPin)) return setFeedback({ kind: 'error', text: m.pinFormat });
    if (newPin !== null && newPin !== repeat) return setFeedback({ kind: 'error', text: m.pinMismatch });
    setBusy(true);
    try {
      const answer = await client.call('kiosk.setPin', {
        currentPin: status.pinSet ? current : null,
        newPin,
      });
      setCurrent('');
      setNext('');
      setRepeat('');
      onStatus(answer);
      setFeedback({ kind: 'ok', text: newPin === null ? m.pinCleared : m.pinSaved });
    } catch (cause) {
      const refused = cause instanceof BackendCallError && cause.code === 'forbidden';
      const refusal = kioskRefusalOf(cause);
      const text = refusal ? m.refusal(refusal) : refused ? m.pinRefused : m.saveFailed(problemText(cause));
      setFeedback({ kind: 'error', text });
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void send(next);
  };

  return (
    <form
      className="settings-section"
      onSubmit={onSubmit}
      aria-labelledby="pin-section-title"
      data-testid="pin-section"
    >
      <h2 id="pin-section-title">{m.pinSectionTitle}</h2>
      <p>{status.pinSet ? m.pinIsSet : m.pinNotSet}</p>
      <div className="settings-row">
        {status.pinSet && (
          <PinInput
            id="pin-current"
            label={m.currentPin}
            value={current}
            onChange={setCurrent}
            testId="pin-current"
          />
        )}
        <PinInput id="pin-new" label={m.newPin} value={next} onChange={setNext} testId="pin-new" />
        <PinInput
          id="pin-repeat"
          label={m.confirmPin}
          value={repeat}
          onChange={setRepeat}
          testId="pin-repeat"
        />
      </div>
      <div className="settings-actions">
        {/* Not `disabled`: Chromium drops the focus of a button that becomes disabled. */}
        <button type="submit" className="button-primary" aria-disabled={busy} data-testid="pin-save">
          {status.pinSet ? m.changePin : m.setPin}
        </button>
        {status.pinSet && (
          <button type="button" aria-disabled={busy} onClick={() => void send(null)} data-testid="pin-clear">
            {m.clearPin}
          </button>
        )}
      </div>
      <Feedback value={feedback} testId="pin-feedback" />
    </form>
  );
}
